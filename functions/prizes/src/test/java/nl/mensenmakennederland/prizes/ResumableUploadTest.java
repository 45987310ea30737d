package nl.mensenmakennederland.prizes;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import nl.mensenmakennederland.testing.ApiContract;
import nl.mensenmakennederland.testing.ApiRequests;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.TestVideos;
import nl.mensenmakennederland.testing.TestVideos.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A large vlog up in parts as a phone on a weak line sends it, against moto: begun, two of three
 * parts put, the connection dropped, resumed from what S3 has, completed, checked.
 */
@ExtendWith(AwsEmulatorExtension.class)
class ResumableUploadTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PrizeBackend backend;
    private UploadNotifications queue;

    @BeforeEach
    void freshBackend(LocalAws aws) {
        aws.reset();
        backend = new PrizeBackend(aws, Clock.fixed(EntryHandlersTest.IN_THE_WINDOW, ZoneOffset.UTC));
        queue = new UploadNotifications(aws);
    }

    private JsonNode enter(long bytes) {
        ObjectNode form = EntryForms.complete();
        ((ObjectNode) form.get("file")).put("size", bytes).put("contentType", "video/mp4");
        return ApiRequests.body(ApiContract.call(new CreateEntryHandler(backend.desk), EntryForms.post(form)));
    }

    private static APIGatewayV2HTTPEvent request(String routeKey, JsonNode entered) {
        String id = entered.path("entryId").asText();
        String path = routeKey.substring(routeKey.indexOf(' ') + 1).replace("{id}", id);
        return ApiRequests.request(routeKey, path, Map.of("id", id),
                Map.of("token", EntryForms.tokenOf(entered.path("manageUrl").asText())), Map.of(), null);
    }

    private static int put(JsonNode part, byte[] bytes) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(part.path("url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aLargeVlogGoesUpInPartsResumesAfterADroppedConnectionAndIsChecked() throws Exception {
        // A real MP4 grown to 40 MB of media data, its index at the end: three parts of 16, 16 and 8 MiB.
        InMemoryObject grown = InMemoryObject.padded(TestVideos.make(Kind.MP4_INDEX_AT_END, 3), 40_000_000);
        byte[] file = grown.whole();
        JsonNode entered = enter(file.length);
        assertThat(entered.path("resumable").asBoolean()).as("under the 64 MiB from which the site goes for parts").isFalse();

        JsonNode begun = ApiRequests.body(ApiContract.call(new BeginUploadHandler(backend.desk),
                request("POST /prizes/entries/{id}/multipart", entered)));
        assertThat(begun.path("parts").asInt()).isEqualTo(3);
        long partBytes = begun.path("partBytes").asLong();
        assertThat(partBytes).isEqualTo(16L * 1024 * 1024);
        for (JsonNode part : Arrays.asList(begun.path("missing").get(0), begun.path("missing").get(1))) {
            int n = part.path("partNumber").asInt();
            assertThat(put(part, Arrays.copyOfRange(file, (int) ((n - 1) * partBytes), (int) (n * partBytes)))).isEqualTo(200);
        }
        // The connection drops; the page is opened again and asks where it was.
        JsonNode progress = ApiRequests.body(ApiContract.call(new UploadProgressHandler(backend.desk),
                request("GET /prizes/entries/{id}/multipart", entered)));
        assertThat(progress.path("uploaded").findValuesAsText("partNumber")).containsExactly("1", "2");
        assertThat(progress.path("missing")).singleElement().satisfies(p -> assertThat(p.path("partNumber").asInt()).isEqualTo(3));
        APIGatewayV2HTTPResponse early = ApiContract.call(new CompleteUploadHandler(backend.desk),
                request("POST /prizes/entries/{id}/multipart/complete", entered));
        assertThat(early.getStatusCode()).as("completing with a part missing").isEqualTo(409);
        assertThat(put(progress.path("missing").get(0), Arrays.copyOfRange(file, (int) (2 * partBytes), file.length))).isEqualTo(200);

        APIGatewayV2HTTPResponse completed = ApiContract.call(new CompleteUploadHandler(backend.desk),
                request("POST /prizes/entries/{id}/multipart/complete", entered));

        assertThat(completed.getStatusCode()).isEqualTo(200);
        assertThat(ApiRequests.body(completed).path("bytes").asLong()).isEqualTo(file.length);
        var messages = queue.receive();
        // moto also notifies an ObjectCreated:Put during the upload (S3 does not): the check takes either safely.
        assertThat(messages).as("S3 notified the completed object")
                .anyMatch(m -> m.body().contains("\"ObjectCreated:CompleteMultipartUpload\""));
        new CheckUploadHandler(backend.desk).handleRequest(UploadNotifications.event(messages), null);
        Entry entry = backend.desk.entries().find(entered.path("entryId").asText()).orElseThrow();
        assertThat(entry.status()).isEqualTo(EntryStatus.SUBMITTED);
        assertThat(entry.video().bytes()).isEqualTo(file.length);
        assertThat(entry.video().durationMillis()).isBetween(2_900L, 3_200L);
        assertThat(backend.s3.getObjectTagging(r -> r.bucket(backend.bucket).key(Uploads.objectKey(entry.id()))).tagSet())
                .as("the retention tag the bucket's lifecycle reads").singleElement()
                .satisfies(tag -> assertThat(tag.key() + "=" + tag.value()).isEqualTo("retention=entry"));
    }

    @Test
    void aFileFromTheConfiguredSizeIsMarkedResumable() {
        assertThat(enter(64L * 1024 * 1024).path("resumable").asBoolean()).isTrue();
    }

    @Test
    void abortingDropsThePartsAndLeavesNothingToResume() throws Exception {
        JsonNode entered = enter(20_000_000);
        JsonNode begun = ApiRequests.body(ApiContract.call(new BeginUploadHandler(backend.desk),
                request("POST /prizes/entries/{id}/multipart", entered)));
        put(begun.path("missing").get(0), new byte[5 * 1024 * 1024]);

        APIGatewayV2HTTPResponse aborted = ApiContract.call(new AbortUploadHandler(backend.desk),
                request("DELETE /prizes/entries/{id}/multipart", entered));

        assertThat(aborted.getStatusCode()).isEqualTo(200);
        assertThat(backend.s3.listMultipartUploads(r -> r.bucket(backend.bucket)).uploads()).isEmpty();
        assertThat(ApiContract.call(new UploadProgressHandler(backend.desk),
                request("GET /prizes/entries/{id}/multipart", entered)).getStatusCode()).isEqualTo(409);
    }

    @Test
    void withdrawingDuringAnUploadInPartsDropsThePartsSoFarWithTheEntry() throws Exception {
        JsonNode entered = enter(20_000_000);
        JsonNode begun = ApiRequests.body(ApiContract.call(new BeginUploadHandler(backend.desk),
                request("POST /prizes/entries/{id}/multipart", entered)));
        put(begun.path("missing").get(0), new byte[16 * 1024 * 1024]);

        APIGatewayV2HTTPResponse withdrawn = ApiContract.call(new WithdrawEntryHandler(backend.desk),
                EntryForms.withdraw(entered.path("entryId").asText(), EntryForms.tokenOf(entered.path("manageUrl").asText())));

        assertThat(withdrawn.getStatusCode()).isEqualTo(200);
        assertThat(backend.s3.listMultipartUploads(r -> r.bucket(backend.bucket)).uploads()).isEmpty();
        assertThat(backend.items()).singleElement().satisfies(item -> assertThat(item.get("sk").s()).isEqualTo("WITHDRAWN"));
    }

    @Test
    void aBadLinkGetsNoUploadAndAnEntryAlreadyCheckedNoNewOne() throws Exception {
        JsonNode entered = enter(1_000_000);
        APIGatewayV2HTTPEvent forged = request("POST /prizes/entries/{id}/multipart", entered);
        forged.setQueryStringParameters(Map.of("token", "vervalst"));
        assertThat(ApiContract.call(new BeginUploadHandler(backend.desk), forged).getStatusCode()).isEqualTo(403);

        assertThat(BrowserUpload.post(entered.path("upload"), "clip.mp4", TestVideos.make(Kind.MP4_INDEX_FIRST, 3))).isBetween(200, 204);
        var messages = queue.receive();
        new CheckUploadHandler(backend.desk).handleRequest(UploadNotifications.event(messages), null);

        APIGatewayV2HTTPResponse again = ApiContract.call(new BeginUploadHandler(backend.desk),
                request("POST /prizes/entries/{id}/multipart", entered));
        assertThat(again.getStatusCode()).isEqualTo(409);
        assertThat(backend.s3.listMultipartUploads(r -> r.bucket(backend.bucket)).uploads()).isEmpty();
    }
}
