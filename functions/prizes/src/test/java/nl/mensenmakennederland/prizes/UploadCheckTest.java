package nl.mensenmakennederland.prizes;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import nl.mensenmakennederland.shared.Ids;
import nl.mensenmakennederland.testing.ApiContract;
import nl.mensenmakennederland.testing.ApiRequests;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.SentMails;
import nl.mensenmakennederland.testing.TestVideos;
import nl.mensenmakennederland.testing.TestVideos.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The whole path after an entry: the browser posts the file with the entry's presigned POST, S3
 * (moto) notifies the queue as the template configures it, the check function gets the queue's
 * messages, reads the object in ranges and decides; the mailer sends what it wrote.
 */
@ExtendWith(AwsEmulatorExtension.class)
class UploadCheckTest {

    private static final String ADDRESS = "sanne@taalcafedebrug.nl";

    private PrizeBackend backend;
    private UploadNotifications queue;
    private CheckUploadHandler check;

    @BeforeEach
    void freshBackend(LocalAws aws) {
        aws.reset();
        backend = new PrizeBackend(aws, Clock.fixed(EntryHandlersTest.IN_THE_WINDOW, ZoneOffset.UTC));
        queue = new UploadNotifications(aws);
        check = new CheckUploadHandler(backend.desk);
    }

    /** Enters, uploads {@code file} as the browser would, and returns the entry's id. */
    private String enterAndUpload(String fileName, byte[] file) throws Exception {
        JsonNode entered = ApiRequests.body(ApiContract.call(new CreateEntryHandler(backend.desk), EntryForms.post(EntryForms.complete())));
        assertThat(BrowserUpload.post(entered.path("upload"), fileName, file)).isBetween(200, 204);
        return entered.path("entryId").asText();
    }

    private SQSBatchResponse deliver(List<Message> messages) {
        SQSBatchResponse response = check.handleRequest(UploadNotifications.event(messages), null);
        queue.done(messages);
        backend.deliverMails();
        return response;
    }

    private Entry entry(String id) {
        return backend.desk.entries().find(id).orElseThrow();
    }

    @Test
    void aRealVideoMakesTheEntrySubmittedWithItsLengthAndSizeAndTheEntrantGetsTheConfirmation() throws Exception {
        String id = enterAndUpload("IMG_4821.MOV", TestVideos.make(Kind.MOV, 4));

        List<Message> notified = queue.receive();
        assertThat(notified).as("S3 notified the queue").hasSize(1);
        assertThat(deliver(notified).getBatchItemFailures()).isEmpty();

        Entry entry = entry(id);
        assertThat(entry.status()).isEqualTo(EntryStatus.SUBMITTED);
        assertThat(entry.video().durationMillis()).isBetween(3_900L, 4_200L);
        assertThat(entry.video().width()).isEqualTo(640);
        assertThat(entry.video().height()).isEqualTo(360);
        assertThat(backend.videoExists(Uploads.objectKey(id))).isTrue();
        List<SentMails.Mail> mails = SentMails.to(backend.aws, ADDRESS);
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().subject()).isEqualTo("Je vlog is binnen: Iedereen aan tafel");
        assertThat(mails.getFirst().text()).contains("Hij doet mee!", "/inzending.html?entry=" + id + "&token=");
    }

    @Test
    void aRenamedTextFileIsRejectedWithTheReasonDeletedAndTheMailSaysWhatToDo() throws Exception {
        String id = enterAndUpload("vlog.mp4", "Dit is geen video, maar een tekstbestand.\n".repeat(100)
                .getBytes(StandardCharsets.UTF_8));

        assertThat(deliver(queue.receive()).getBatchItemFailures()).isEmpty();

        Entry entry = entry(id);
        assertThat(entry.status()).isEqualTo(EntryStatus.REJECTED);
        assertThat(entry.rejection()).isEqualTo(Rejection.NOT_A_VIDEO);
        assertThat(backend.videoExists(Uploads.objectKey(id))).as("the file is deleted").isFalse();
        SentMails.Mail mail = SentMails.to(backend.aws, ADDRESS).getFirst();
        assertThat(mail.subject()).isEqualTo("Je vlog kon niet worden verwerkt: Iedereen aan tafel");
        assertThat(mail.text()).contains("geen video die we kunnen afspelen", "Zo los je het op",
                "https://www.mensenmakennederland.nl/vrijwilligersprijzen.html", "maximaal 10 minuten en 2 GB");
    }

    @Test
    void aPictureAndAFileThatBrokeOffAreRejectedEachWithItsOwnReason() throws Exception {
        byte[] video = TestVideos.make(Kind.MP4_INDEX_AT_END, 3);
        String picture = enterAndUpload("foto.jpg", TestVideos.make(Kind.JPEG, 1));
        String broken = enterAndUpload("IMG_0001.MP4", Arrays.copyOf(video, video.length * 2 / 3));

        List<Message> notified = queue.receive();
        assertThat(notified).hasSize(2);
        assertThat(deliver(notified).getBatchItemFailures()).isEmpty();

        assertThat(entry(picture).rejection()).isEqualTo(Rejection.IMAGE);
        assertThat(entry(broken).rejection()).isEqualTo(Rejection.TRUNCATED);
        assertThat(SentMails.to(backend.aws, ADDRESS)).extracting(SentMails.Mail::text)
                .anyMatch(t -> t.contains("een foto of afbeelding, geen video"))
                .anyMatch(t -> t.contains("halverwege afgebroken"));
    }

    @Test
    void theSameNotificationTwiceChangesAndMailsNothingMore() throws Exception {
        String id = enterAndUpload("IMG_4821.MP4", TestVideos.make(Kind.MP4_INDEX_AT_END, 3));
        List<Message> notified = queue.receive();
        check.handleRequest(UploadNotifications.event(notified), null);
        Entry checked = entry(id);

        SQSBatchResponse again = deliver(notified);

        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(entry(id)).isEqualTo(checked);
        assertThat(SentMails.to(backend.aws, ADDRESS)).hasSize(1);
    }

    @Test
    void theTestMessageS3SendsWhenTheNotificationIsSetUpIsTakenWithoutAFailure() {
        assertThat(queue.setUp()).singleElement().satisfies(m -> assertThat(m.body()).contains("\"s3:TestEvent\""));

        assertThat(check.handleRequest(UploadNotifications.event(queue.setUp()), null).getBatchItemFailures()).isEmpty();
    }

    @Test
    void anObjectNoEntryWaitsForIsDeleted() {
        String key = Uploads.objectKey(Ids.random());
        backend.s3.putObject(r -> r.bucket(backend.bucket).key(key).contentType("video/mp4"),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(TestVideos.make(Kind.MP4_INDEX_FIRST, 3)));

        assertThat(deliver(queue.receive()).getBatchItemFailures()).isEmpty();

        assertThat(backend.videoExists(key)).isFalse();
        assertThat(SentMails.all(backend.aws)).isEmpty();
    }

    @Test
    void aCheckThatFailsReturnsOnlyItsMessageToTheQueue() throws Exception {
        String good = enterAndUpload("IMG_4821.MP4", TestVideos.make(Kind.MP4_INDEX_AT_END, 3));
        List<Message> notified = new java.util.ArrayList<>(queue.receive());
        Message broken = notified.getFirst().toBuilder().messageId("broken-message").body("{not json").build();
        notified.add(broken);

        SQSBatchResponse response = check.handleRequest(UploadNotifications.event(notified), null);

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("broken-message");
        assertThat(entry(good).status()).isEqualTo(EntryStatus.SUBMITTED);
    }
}
