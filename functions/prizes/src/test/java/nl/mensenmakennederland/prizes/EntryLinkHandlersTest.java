package nl.mensenmakennederland.prizes;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import nl.mensenmakennederland.shared.Ids;
import nl.mensenmakennederland.testing.ApiContract;
import nl.mensenmakennederland.testing.ApiRequests;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.TestVideos;
import nl.mensenmakennederland.testing.TestVideos.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** GET and DELETE /prizes/entries/{id}?token=: the entrant's link, against moto. */
@ExtendWith(AwsEmulatorExtension.class)
class EntryLinkHandlersTest {

    private PrizeBackend backend;
    private GetEntryHandler view;
    private WithdrawEntryHandler withdraw;
    private UploadNotifications queue;

    @BeforeEach
    void freshBackend(LocalAws aws) {
        aws.reset();
        backend = new PrizeBackend(aws, Clock.fixed(EntryHandlersTest.IN_THE_WINDOW, ZoneOffset.UTC));
        view = new GetEntryHandler(backend.desk);
        withdraw = new WithdrawEntryHandler(backend.desk);
        queue = new UploadNotifications(aws);
    }

    private JsonNode enter() {
        return ApiRequests.body(ApiContract.call(new CreateEntryHandler(backend.desk), EntryForms.post(EntryForms.complete())));
    }

    private void uploadAndCheck(JsonNode entered, byte[] file) throws Exception {
        assertThat(BrowserUpload.post(entered.path("upload"), "IMG_4821.MOV", file)).isBetween(200, 204);
        var messages = queue.receive();
        new CheckUploadHandler(backend.desk).handleRequest(UploadNotifications.event(messages), null);
        queue.done(messages);
    }

    @Test
    void theLinkShowsTheStatusAndTheConsentAsAgreedTo() {
        JsonNode entered = enter();
        String token = EntryForms.tokenOf(entered.path("manageUrl").asText());

        APIGatewayV2HTTPResponse answer = ApiContract.call(view, EntryForms.view(entered.path("entryId").asText(), token));

        assertThat(answer.getStatusCode()).isEqualTo(200);
        JsonNode entry = ApiRequests.body(answer);
        assertThat(entry.path("status").asText()).isEqualTo("awaiting-upload");
        assertThat(entry.path("consent").path("version").asText()).isEqualTo("2027-01");
        assertThat(entry.path("consent").path("agreedAt").asText()).isEqualTo("2027-01-15T19:30:00Z");
        assertThat(entry.path("consent").path("text").asText()).contains("ouder of voogd", "intrekken");
        assertThat(entry.path("consent").path("minorsAppear").asBoolean()).isTrue();
        assertThat(entry.has("video")).isFalse();
    }

    @Test
    void afterTheCheckTheLinkShowsWhatItFoundOrWhyItRefused() throws Exception {
        JsonNode video = enter();
        JsonNode text = enter();
        uploadAndCheck(video, TestVideos.make(Kind.MP4_INDEX_AT_END, 3));
        uploadAndCheck(text, "gewoon tekst".repeat(100).getBytes(java.nio.charset.StandardCharsets.UTF_8));

        JsonNode submitted = ApiRequests.body(ApiContract.call(view, EntryForms.view(video.path("entryId").asText(),
                EntryForms.tokenOf(video.path("manageUrl").asText()))));
        JsonNode rejected = ApiRequests.body(ApiContract.call(view, EntryForms.view(text.path("entryId").asText(),
                EntryForms.tokenOf(text.path("manageUrl").asText()))));

        assertThat(submitted.path("status").asText()).isEqualTo("submitted");
        assertThat(submitted.path("video").path("width").asInt()).isEqualTo(320);
        assertThat(submitted.path("video").path("durationSeconds").asDouble()).isBetween(2.9, 3.2);
        assertThat(rejected.path("status").asText()).isEqualTo("rejected");
        assertThat(rejected.path("rejection").path("code").asText()).isEqualTo("not-a-video");
        assertThat(rejected.path("rejection").path("message").asText()).contains("geen video");
    }

    @Test
    void aForgedTokenATokenOfAnotherEntryAndAnExpiredOneAreRefused() {
        JsonNode first = enter();
        JsonNode second = enter();
        String id = first.path("entryId").asText();

        assertThat(ApiContract.call(view, EntryForms.view(id, "vervalst")).getStatusCode()).isEqualTo(403);
        assertThat(ApiContract.call(view, EntryForms.view(id, null)).getStatusCode()).isEqualTo(403);
        assertThat(ApiContract.call(withdraw, EntryForms.withdraw(id,
                EntryForms.tokenOf(second.path("manageUrl").asText()))).getStatusCode()).isEqualTo(403);
        // Kept RetentionDays (90) after the jury's decision on 31 May: the link ends with the entry.
        PrizeBackend later = backend.at(Clock.fixed(Instant.parse("2027-09-01T00:00:00Z"), ZoneOffset.UTC));
        APIGatewayV2HTTPResponse expired = ApiContract.call(new GetEntryHandler(later.desk),
                EntryForms.view(id, EntryForms.tokenOf(first.path("manageUrl").asText())));
        assertThat(expired.getStatusCode()).isEqualTo(403);
        assertThat(ApiRequests.body(expired).path("title").asText()).isEqualTo("Link verlopen");
        assertThat(backend.desk.entries().find(id)).isPresent();
    }

    @Test
    void withdrawingDeletesTheVideoAndTheEntryAndKeepsOnlyWhenWithoutPersonalData() throws Exception {
        JsonNode entered = enter();
        uploadAndCheck(entered, TestVideos.make(Kind.MP4_INDEX_AT_END, 3));
        String id = entered.path("entryId").asText();
        String token = EntryForms.tokenOf(entered.path("manageUrl").asText());

        APIGatewayV2HTTPResponse answer = ApiContract.call(withdraw, EntryForms.withdraw(id, token));

        assertThat(answer.getStatusCode()).isEqualTo(200);
        assertThat(ApiRequests.body(answer).path("status").asText()).isEqualTo("withdrawn");
        assertThat(backend.videoExists(Uploads.objectKey(id))).isFalse();
        assertThat(backend.desk.entries().find(id)).isEmpty();
        var items = backend.items();
        assertThat(items).singleElement().satisfies(item -> assertThat(item.keySet())
                .containsExactlyInAnyOrder("pk", "sk", "withdrawnAt", "expiresAt"));
        assertThat(items.getFirst().get("withdrawnAt")).isEqualTo(AttributeValue.fromS("2027-01-15T19:30:00Z"));

        APIGatewayV2HTTPResponse again = ApiContract.call(withdraw, EntryForms.withdraw(id, token));
        assertThat(again.getStatusCode()).as("withdrawing twice").isEqualTo(200);
        assertThat(ApiRequests.body(again).path("withdrawnAt").asText()).isEqualTo("2027-01-15T19:30:00Z");
        APIGatewayV2HTTPResponse gone = ApiContract.call(view, EntryForms.view(id, token));
        assertThat(gone.getStatusCode()).isEqualTo(404);
        assertThat(ApiRequests.body(gone).path("detail").asText()).contains("ingetrokken");
    }

    @Test
    void aVideoThatArrivesAfterItsEntryWasWithdrawnIsDeletedByTheCheck() throws Exception {
        JsonNode entered = enter();
        String id = entered.path("entryId").asText();
        ApiContract.call(withdraw, EntryForms.withdraw(id, EntryForms.tokenOf(entered.path("manageUrl").asText())));

        uploadAndCheck(entered, TestVideos.make(Kind.MP4_INDEX_AT_END, 3));

        assertThat(backend.videoExists(Uploads.objectKey(id))).isFalse();
        assertThat(backend.desk.entries().find(id)).isEmpty();
    }

    @Test
    void aValidLinkToAnEntryThatDoesNotExistIsNotFound() {
        String id = Ids.random();
        String token = backend.desk.links().token(id, backend.desk.retention().entryExpiresAt());

        assertThat(ApiContract.call(view, EntryForms.view(id, token)).getStatusCode()).isEqualTo(404);
        assertThat(ApiContract.call(withdraw, EntryForms.withdraw(id, token)).getStatusCode()).isEqualTo(404);
        assertThat(backend.items()).isEmpty();
    }

    @Test
    void primingEveryPrizeFunctionGetsItsDeclaredAnswersAndWritesNothing() {
        Map<String, java.util.List<Integer>> answered = new java.util.LinkedHashMap<>();
        for (var handler : java.util.List.of(new CreateEntryHandler(backend.desk), view, withdraw,
                new BeginUploadHandler(backend.desk), new UploadProgressHandler(backend.desk),
                new CompleteUploadHandler(backend.desk), new AbortUploadHandler(backend.desk))) {
            answered.put(handler.getClass().getSimpleName(), handler.prime().stream()
                    .peek(a -> assertThat(a.asExpected()).as("%s %s", handler.getClass().getSimpleName(), a).isTrue())
                    .map(a -> a.status()).toList());
        }
        new CheckUploadHandler(backend.desk).prime();

        assertThat(answered).isEqualTo(Map.of("CreateEntryHandler", java.util.List.of(422),
                "GetEntryHandler", java.util.List.of(404), "WithdrawEntryHandler", java.util.List.of(404),
                "BeginUploadHandler", java.util.List.of(404), "UploadProgressHandler", java.util.List.of(404),
                "CompleteUploadHandler", java.util.List.of(404), "AbortUploadHandler", java.util.List.of(404)));
        assertThat(backend.s3.listMultipartUploads(r -> r.bucket(backend.bucket)).uploads()).isEmpty();
        assertThat(backend.items()).isEmpty();
        assertThat(backend.aws.clients().dynamoDb().scan(r -> r.tableName(backend.env.get("OUTBOX_TABLE"))).items()).isEmpty();
        assertThat(backend.s3.listObjectsV2(r -> r.bucket(backend.bucket)).contents()).isEmpty();
    }
}
