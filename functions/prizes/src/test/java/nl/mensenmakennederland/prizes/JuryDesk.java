package nl.mensenmakennederland.prizes;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.mensenmakennederland.testing.ApiContract;
import nl.mensenmakennederland.testing.ApiRequests;
import nl.mensenmakennederland.testing.TestVideos;
import nl.mensenmakennederland.testing.TestVideos.Kind;

/**
 * The jury's routes as the admin site calls them, signed in as a juror or an admin, and entries
 * made the way entrants make them: the form, the upload to S3, the check on S3's notification.
 */
final class JuryDesk {

    /** Someone signed in through Cognito. */
    record Person(String sub, String email, String groups) {}

    static final Person ANNA = new Person("b1f6a3e0-anna", "anna@jury.example", "[jury]");
    static final Person BRAM = new Person("c2a7b4f1-bram", "bram@jury.example", "[jury]");
    static final Person CHRIS = new Person("d3b8c5a2-chris", "chris@jury.example", "[jury]");
    static final Person ADMIN = new Person("e4c9d6b3-admin", "campagne@nov.example", "[admins]");

    private final PrizeBackend backend;
    private final UploadNotifications queue;
    private final Map<String, String> manageUrls = new java.util.HashMap<>();

    JuryDesk(PrizeBackend backend, UploadNotifications queue) {
        this.backend = backend;
        this.queue = queue;
    }

    /** An entry from {@code municipality} whose vlog passed the check: its id. */
    String submitted(String municipality, String title) throws Exception {
        return entered(municipality, title, TestVideos.make(Kind.MP4_INDEX_AT_END, 3));
    }

    /** An entry whose upload was a renamed text file, so the check rejected it: its id. */
    String rejected(String municipality) throws Exception {
        return entered(municipality, "Geen film", "dit is tekst".repeat(200).getBytes(StandardCharsets.UTF_8));
    }

    /** An entry that is still waiting for its video: its answer. */
    JsonNode awaiting(String municipality) {
        ObjectNode form = EntryForms.complete();
        form.put("municipality", municipality);
        return ApiRequests.body(ApiContract.call(new CreateEntryHandler(backend.desk), EntryForms.post(form)));
    }

    private String entered(String municipality, String title, byte[] file) throws Exception {
        ObjectNode form = EntryForms.complete();
        form.put("municipality", municipality).put("title", title);
        JsonNode entered = ApiRequests.body(ApiContract.call(new CreateEntryHandler(backend.desk), EntryForms.post(form)));
        BrowserUpload.post(entered.path("upload"), "vlog.mov", file);
        var messages = queue.receive();
        new CheckUploadHandler(backend.desk).handleRequest(UploadNotifications.event(messages), null);
        queue.done(messages);
        manageUrls.put(entered.path("entryId").asText(), entered.path("manageUrl").asText());
        return entered.path("entryId").asText();
    }

    /** What the entrant sees through their link. */
    JsonNode asTheEntrantSeesIt(String entryId) {
        return ApiRequests.body(ApiContract.call(new GetEntryHandler(backend.desk),
                EntryForms.view(entryId, EntryForms.tokenOf(manageUrls.get(entryId)))));
    }

    APIGatewayV2HTTPResponse withdraw(String entryId) {
        return ApiContract.call(new WithdrawEntryHandler(backend.desk),
                EntryForms.withdraw(entryId, EntryForms.tokenOf(manageUrls.get(entryId))));
    }

    APIGatewayV2HTTPResponse list(Person who, Map<String, String> query) {
        return ApiContract.call(new ListJuryEntriesHandler(backend.desk), as(who, ApiRequests.request("GET /jury/entries",
                "/jury/entries", Map.of(), query, Map.of(), null)));
    }

    APIGatewayV2HTTPResponse view(Person who, String entryId) {
        return ApiContract.call(new GetJuryEntryHandler(backend.desk), as(who, ApiRequests.request("GET /jury/entries/{id}",
                "/jury/entries/" + entryId, Map.of("id", entryId), Map.of(), Map.of(), null)));
    }

    APIGatewayV2HTTPResponse score(Person who, String entryId, int welcome, int example, int originality, String comment) {
        return score(who, entryId, "{\"marks\":{\"welcome\":%d,\"example\":%d,\"originality\":%d},\"comment\":\"%s\"}"
                .formatted(welcome, example, originality, comment));
    }

    APIGatewayV2HTTPResponse score(Person who, String entryId, String body) {
        return ApiContract.call(new ScoreEntryHandler(backend.desk), as(who, ApiRequests.request("PUT /jury/entries/{id}/score",
                "/jury/entries/" + entryId + "/score", Map.of("id", entryId), Map.of(),
                Map.of("content-type", "application/json"), body)));
    }

    APIGatewayV2HTTPResponse ranking(Person who, Map<String, String> query, String accept) {
        return ApiContract.call(new PrizeRankingHandler(backend.desk), as(who, ApiRequests.request("GET /admin/prizes/ranking",
                "/admin/prizes/ranking", Map.of(), query, Map.of("accept", accept), null)));
    }

    APIGatewayV2HTTPResponse decide(Person who, String entryId, String status, String note) {
        return ApiContract.call(new DecideEntryHandler(backend.desk), as(who, ApiRequests.request(
                "PUT /admin/prizes/entries/{id}/status", "/admin/prizes/entries/" + entryId + "/status", Map.of("id", entryId),
                Map.of(), Map.of("content-type", "application/json"),
                "{\"status\":\"%s\",\"note\":\"%s\"}".formatted(status, note))));
    }

    private static APIGatewayV2HTTPEvent as(Person who, APIGatewayV2HTTPEvent event) {
        return who == null ? event : ApiRequests.signedIn(event, who.sub(), who.email(), who.groups());
    }
}
