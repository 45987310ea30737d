package nl.mensenmakennederland.prizes;

/** Where an entry is: waiting for its video, accepted for the jury, or refused by the upload check. */
public enum EntryStatus {
    AWAITING_UPLOAD("awaiting-upload"),
    SUBMITTED("submitted"),
    REJECTED("rejected");

    private final String code;

    EntryStatus(String code) {
        this.code = code;
    }

    /** As the API and the table write it. */
    public String code() {
        return code;
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
