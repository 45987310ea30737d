package nl.mensenmakennederland.prizes;

import nl.mensenmakennederland.shared.Log;
import nl.mensenmakennederland.shared.Metrics;
import nl.mensenmakennederland.shared.Metrics.Metric;
import nl.mensenmakennederland.shared.trigger.SqsHandler;

/**
 * The upload check on the queue S3 notifies: for each object created in the uploads bucket, its
 * own bytes decide ({@link UploadCheck}). A message whose check fails (S3 or DynamoDB refusing)
 * returns to the queue, and after five tries goes to its dead-letter queue, whose alarm mails
 * the admins: no upload goes unchecked unnoticed.
 */
public final class CheckUploadHandler extends SqsHandler {

    private final PrizeDesk desk;

    public CheckUploadHandler() {
        this(PrizeDesk.fromEnvironment());
        primeOnCheckpoint();
    }

    public CheckUploadHandler(PrizeDesk desk) {
        this.desk = desk;
    }

    /**
     * Reads only: the entry that never exists is looked up, the signing key read, a notification
     * parsed, and the first ranged read of an object that is not there (S3 answers NoSuchKey).
     */
    @Override
    protected void rehearse() {
        S3Notification.objectsCreated("{\"Records\":[{\"eventName\":\"ObjectCreated:Post\",\"s3\":{\"bucket\":{\"name\":\"priming\"},"
                + "\"object\":{\"key\":\"entries%2F" + PrimingEntry.ID + "%2Fvideo\",\"size\":1}}}]}");
        desk.entries().find(PrimingEntry.ID);
        desk.links().url(PrimingEntry.ID, desk.retention().entryExpiresAt());
        try {
            desk.videos().open(Uploads.objectKey(PrimingEntry.ID), RangedObject.BUDGET).size();
        } catch (VideoStore.NoSuchObject expected) {
            // what priming wants: the whole GET path, and nothing there
        }
    }

    @Override
    protected void handle(SqsMessage message) {
        for (S3Notification.Created created : S3Notification.objectsCreated(message.body())) {
            if (!created.bucket().equals(desk.videos().bucket())) {
                Log.warn("upload.other-bucket", "messageId", message.messageId());
                continue;
            }
            switch (desk.uploadCheck().check(created.key())) {
                case UploadCheck.Submitted submitted -> {
                    Metrics.count(Metric.PRIZE_VIDEO_SUBMITTED);
                    Log.info("upload.submitted", "entryId", submitted.entryId(), "container", submitted.facts().container(),
                            "durationMillis", submitted.facts().durationMillis(), "bytesRead", submitted.bytesRead());
                }
                case UploadCheck.Rejected rejected -> {
                    Metrics.count(Metric.PRIZE_VIDEO_REJECTED);
                    Log.info("upload.rejected", "entryId", rejected.entryId(), "reason", rejected.why().code(),
                            "bytesRead", rejected.bytesRead());
                }
                case UploadCheck.AlreadyChecked again -> Log.info("upload.already-checked", "entryId", again.entryId(),
                        "status", again.status().code());
                case UploadCheck.Orphan orphan -> { } // logged where it was deleted
                case UploadCheck.Gone gone -> Log.info("upload.gone", "entryId", gone.entryId());
            }
        }
    }
}
