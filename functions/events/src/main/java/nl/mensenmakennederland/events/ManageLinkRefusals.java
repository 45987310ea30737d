package nl.mensenmakennederland.events;

import nl.mensenmakennederland.shared.http.Problem;

/** The answers to a manage link that does not open a registration, the same for every route behind it. */
final class ManageLinkRefusals {

    private ManageLinkRefusals() {}

    static Problem refused(ManageLinks.Refused refused) {
        return switch (refused.why()) {
            case FORGED -> new Problem(403, "Geen toegang",
                    "Deze link is niet geldig. Gebruik de link uit je bevestigingsmail.");
            case EXPIRED -> new Problem(403, "Link verlopen",
                    "Deze link is verlopen: na afloop van een activiteit bewaren we aanmeldingen maar een beperkte tijd.");
            case RETIRED_KEY -> new Problem(403, "Link niet meer geldig",
                    "Deze link werkt niet meer, omdat we de beveiliging van onze links hebben vernieuwd. "
                            + "Wil je je aanmelding bekijken of annuleren? Neem dan contact met ons op.");
        };
    }

    static Problem noSuchRegistration() {
        return Problem.notFound("Deze aanmelding bestaat niet (meer).");
    }

    static Problem noSuchEvent() {
        return Problem.notFound("Deze activiteit bestaat niet (meer).");
    }
}
