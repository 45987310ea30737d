package nl.mensenmakennederland.prizes;

/** POST /prizes/entries/{id}/multipart/complete?token= : all parts in: S3 makes the object, and its notification starts the check. */
public final class CompleteUploadHandler extends ResumableAnswers {

    public CompleteUploadHandler() {
        this(PrizeDesk.fromEnvironment());
        primeOnCheckpoint();
    }

    public CompleteUploadHandler(PrizeDesk desk) {
        super(desk, "POST /prizes/entries/{id}/multipart/complete");
    }

    @Override
    protected ResumableUpload.Outcome run(String entryId, String token) {
        return desk.resumable().complete(entryId, token);
    }
}
