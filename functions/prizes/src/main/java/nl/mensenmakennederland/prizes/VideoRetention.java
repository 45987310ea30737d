package nl.mensenmakennederland.prizes;

/**
 * How long the uploads bucket keeps a vlog, as its lifecycle rules read it from the object's tag
 * {@code retention}: every upload is tagged {@code entry} (its presigned POST requires the tag,
 * an upload in parts is begun with it) and goes {@code PrizeVideoRetentionDays} after it was
 * stored; a winner's is tagged {@code winner} and kept {@code PrizeWinnerRetentionDays}.
 */
public enum VideoRetention {
    ENTRY("entry"),
    WINNER("winner");

    static final String TAG = "retention";

    private final String value;

    VideoRetention(String value) {
        this.value = value;
    }

    public static VideoRetention of(EntryStatus status) {
        return status == EntryStatus.WINNER ? WINNER : ENTRY;
    }

    public String value() {
        return value;
    }

    /** The tag as a POST form's {@code tagging} field carries it. */
    String taggingXml() {
        return "<Tagging><TagSet><Tag><Key>" + TAG + "</Key><Value>" + value + "</Value></Tag></TagSet></Tagging>";
    }

    /** The tag as {@code CreateMultipartUpload}'s {@code x-amz-tagging} carries it. */
    String taggingQuery() {
        return TAG + "=" + value;
    }
}
