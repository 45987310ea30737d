package nl.mensenmakennederland.prizes;

import java.util.Map;
import java.util.Optional;

/**
 * The consent an entrant gives, in the words the form shows. Each wording has a version; an
 * entry stores the version agreed to and when, so what someone agreed to can be shown later
 * even after the wording changed. A new wording is a new version here, never an edit of one.
 */
public final class ConsentText {

    /** The version the form shows now: entries must agree to this one. */
    public static final String CURRENT = "2027-01";

    private static final Map<String, String> VERSIONS = Map.of(
            "2027-01", """
                    Wij (de inzender) geven Vereniging NOV toestemming om deze vlog te tonen aan de jury van de \
                    Nationale Vrijwilligersprijzen en, als hij genomineerd wordt of wint, te publiceren op de \
                    website en sociale media van Mensen maken Nederland. Iedereen die herkenbaar in de vlog te zien \
                    is, weet dat en heeft ermee ingestemd. Zijn er kinderen jonger dan 16 jaar herkenbaar te zien, \
                    dan heeft een ouder of voogd van elk kind toestemming gegeven. Je kunt je inzending altijd \
                    intrekken via de link in je bevestigingsmail; dan verwijderen we de vlog en je gegevens.""");

    private ConsentText() {}

    /** The wording of {@code version}, if it is one we showed. */
    public static Optional<String> of(String version) {
        return Optional.ofNullable(VERSIONS.get(version));
    }
}
