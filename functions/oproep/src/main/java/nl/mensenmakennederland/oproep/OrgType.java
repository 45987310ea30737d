package nl.mensenmakennederland.oproep;

import java.util.Arrays;
import java.util.Optional;

/** Who downloads the Oproep, as the download form asks it: a fixed list, so counts group cleanly. */
public enum OrgType {
    VRIJWILLIGERSCENTRALE("vrijwilligerscentrale", "Vrijwilligerscentrale"),
    GEMEENTE("gemeente", "Gemeente"),
    MAATSCHAPPELIJKE_ORGANISATIE("maatschappelijke-organisatie", "Maatschappelijke organisatie"),
    BEDRIJF("bedrijf", "Bedrijf"),
    ONDERWIJS("onderwijs", "Onderwijs"),
    MEDIA("media", "Media"),
    PARTICULIER("particulier", "Particulier"),
    ONBEKEND("onbekend", "Onbekend");

    private final String code;
    private final String label;

    OrgType(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** As the query parameter and the stored counts spell it. */
    public String code() {
        return code;
    }

    /** As admins read it in the statistics. */
    public String label() {
        return label;
    }

    public static Optional<OrgType> ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
