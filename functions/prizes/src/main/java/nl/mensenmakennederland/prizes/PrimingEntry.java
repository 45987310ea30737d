package nl.mensenmakennederland.prizes;

import java.time.Instant;

/** An entry that never exists, for SnapStart priming: its id is well formed, and no entry is ever given it. */
final class PrimingEntry {

    /** Ids are 22 random URL-safe characters; this one is all zeros, never drawn in practice. */
    static final String ID = "AAAAAAAAAAAAAAAAAAAAAA";

    private PrimingEntry() {}

    static Entry entry() {
        Instant now = Instant.EPOCH;
        return new Entry(ID, EntryStatus.AWAITING_UPLOAD, "Priming", null, "Utrecht", "Priming", "priming@example.org",
                "Priming", "Priming", "priming.mp4", 1, "video/mp4", ConsentText.CURRENT, now, false, now, null, null, null, null, null);
    }

    static String formWithoutPublication() {
        return """
                {"initiative":"Priming","organisation":"Priming","municipality":"Utrecht","contactName":"Priming",\
                "email":"priming@example.org","title":"Priming","description":"Priming, priming, priming, priming.",\
                "file":{"name":"priming.mp4","size":1048576,"contentType":"video/mp4"},\
                "consent":{"version":"%s","publication":false,"recognisablePeople":true,"minorsAppear":false}}"""
                .formatted(ConsentText.CURRENT);
    }
}
