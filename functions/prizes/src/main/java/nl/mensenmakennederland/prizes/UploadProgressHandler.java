package nl.mensenmakennederland.prizes;

/** GET /prizes/entries/{id}/multipart?token= : which parts S3 has, and fresh URLs for the others: where a dropped upload resumes. */
public final class UploadProgressHandler extends ResumableAnswers {

    public UploadProgressHandler() {
        this(PrizeDesk.fromEnvironment());
        primeOnCheckpoint();
    }

    public UploadProgressHandler(PrizeDesk desk) {
        super(desk, "GET /prizes/entries/{id}/multipart");
    }

    @Override
    protected ResumableUpload.Outcome run(String entryId, String token) {
        return desk.resumable().progress(entryId, token);
    }
}
