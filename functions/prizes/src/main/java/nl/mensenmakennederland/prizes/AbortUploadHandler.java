package nl.mensenmakennederland.prizes;

/** DELETE /prizes/entries/{id}/multipart?token= : gives the upload in parts up: S3 drops its parts. */
public final class AbortUploadHandler extends ResumableAnswers {

    public AbortUploadHandler() {
        this(PrizeDesk.fromEnvironment());
        primeOnCheckpoint();
    }

    public AbortUploadHandler(PrizeDesk desk) {
        super(desk, "DELETE /prizes/entries/{id}/multipart");
    }

    @Override
    protected ResumableUpload.Outcome run(String entryId, String token) {
        return desk.resumable().abort(entryId, token);
    }
}
