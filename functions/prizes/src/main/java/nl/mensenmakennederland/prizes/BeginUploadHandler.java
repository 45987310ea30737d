package nl.mensenmakennederland.prizes;

/** POST /prizes/entries/{id}/multipart?token= : begins an upload in parts: S3's upload id, the part size and a presigned URL per part. */
public final class BeginUploadHandler extends ResumableAnswers {

    public BeginUploadHandler() {
        this(PrizeDesk.fromEnvironment());
        primeOnCheckpoint();
    }

    public BeginUploadHandler(PrizeDesk desk) {
        super(desk, "POST /prizes/entries/{id}/multipart");
    }

    @Override
    protected ResumableUpload.Outcome run(String entryId, String token) {
        return desk.resumable().begin(entryId, token);
    }
}
