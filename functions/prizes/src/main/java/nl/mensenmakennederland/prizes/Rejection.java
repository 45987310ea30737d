package nl.mensenmakennederland.prizes;

/** Why the upload check refused a file (the mail and the entry's view say it in Dutch, {@link PrizeMails#reason}). */
public enum Rejection {
    /** No bytes at all. */
    EMPTY,
    /** Text, a document or anything else that is not a known container. */
    NOT_A_VIDEO,
    /** A photo or picture, not a film. */
    IMAGE,
    /** A video container whose end is missing (the upload or the recording broke off). */
    TRUNCATED,
    /** A container we read, but whose length it does not say. */
    NO_DURATION,
    /** Longer than the prize allows. */
    TOO_LONG,
    /** Larger than the prize allows (S3 enforces the policy; this is the check behind it). */
    TOO_LARGE;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
