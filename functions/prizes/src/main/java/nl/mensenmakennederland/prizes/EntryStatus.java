package nl.mensenmakennederland.prizes;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an entry is: waiting for its video, refused by the upload check, or before the jury:
 * submitted, then the admins' decision (shortlisted, nominated, winner, not selected).
 */
public enum EntryStatus {
    AWAITING_UPLOAD("awaiting-upload"),
    SUBMITTED("submitted"),
    REJECTED("rejected"),
    SHORTLISTED("shortlisted"),
    NOMINATED("nominated"),
    WINNER("winner"),
    NOT_SELECTED("not-selected");

    /** What an admin may set an entry to. */
    public static final Set<EntryStatus> DECISIONS = EnumSet.of(SHORTLISTED, NOMINATED, WINNER, NOT_SELECTED);
    /** The entries before the jury: a real video, and not withdrawn. */
    public static final Set<EntryStatus> BEFORE_THE_JURY = EnumSet.of(SUBMITTED, SHORTLISTED, NOMINATED, WINNER, NOT_SELECTED);

    private final String code;

    EntryStatus(String code) {
        this.code = code;
    }

    /** As the API and the table write it. */
    public String code() {
        return code;
    }

    /**
     * As the entrant sees it: the jury's decision stays inside until the prizes are announced,
     * so an entry before the jury shows as submitted.
     */
    public String publicCode() {
        return BEFORE_THE_JURY.contains(this) ? SUBMITTED.code : code;
    }

    public static EntryStatus of(String code) {
        for (EntryStatus status : values()) {
            if (status.code.equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown entry status " + code);
    }
}
