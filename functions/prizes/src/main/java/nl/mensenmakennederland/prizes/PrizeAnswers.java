package nl.mensenmakennederland.prizes;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.mensenmakennederland.shared.UtcTime;
import nl.mensenmakennederland.shared.http.Problem;

/** The answers every route behind an entry's link shares: the entry as its owner sees it, and the refusals. */
final class PrizeAnswers {

    private PrizeAnswers() {}

    static Map<String, Object> view(Entry entry, PrizeMails mails) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("entryId", entry.id());
        view.put("status", entry.status().publicCode());
        view.put("initiative", entry.initiative());
        if (entry.organisation() != null) {
            view.put("organisation", entry.organisation());
        }
        view.put("municipality", entry.municipality());
        view.put("contactName", entry.contactName());
        view.put("email", entry.email());
        view.put("title", entry.title());
        view.put("description", entry.description());
        view.put("file", Map.of("name", entry.fileName(), "size", entry.declaredBytes(), "contentType", entry.contentType()));
        view.put("consent", Map.of("version", entry.consentVersion(), "agreedAt", UtcTime.format(entry.consentedAt()),
                "text", ConsentText.of(entry.consentVersion()).orElse(""), "minorsAppear", entry.minorsAppear()));
        if (entry.video() != null) {
            VideoFacts video = entry.video();
            view.put("video", Map.of("container", video.container(), "durationSeconds", video.durationMillis() / 1000.0,
                    "width", video.width(), "height", video.height(), "bytes", video.bytes()));
        }
        if (entry.rejection() != null) {
            view.put("rejection", Map.of("code", entry.rejection().code(), "message", mails.reason(entry.rejection())));
        }
        view.put("createdAt", UtcTime.format(entry.createdAt()));
        if (entry.checkedAt() != null) {
            view.put("checkedAt", UtcTime.format(entry.checkedAt()));
        }
        return view;
    }

    static Problem refused(EntryAccess.Refused refused) {
        return switch (refused.why()) {
            case FORGED -> new Problem(403, "Geen toegang", "Deze link is niet geldig. Gebruik de link uit je bevestigingsmail.");
            case EXPIRED -> new Problem(403, "Link verlopen",
                    "Deze link is verlopen: na de uitreiking bewaren we inzendingen maar een beperkte tijd.");
            case RETIRED_KEY -> new Problem(403, "Link niet meer geldig",
                    "Deze link werkt niet meer, omdat we de beveiliging van onze links hebben vernieuwd. Neem contact met ons op.");
        };
    }

    static Problem noSuchEntry() {
        return Problem.notFound("Deze inzending bestaat niet (meer).");
    }
}
