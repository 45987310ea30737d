package nl.mensenmakennederland.prizes;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.testing.ApiContract;
import nl.mensenmakennederland.testing.ApiRequests;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.LocalAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** POST /prizes/entries against moto, in the template's submission window (1 January to 31 March 2027). */
@ExtendWith(AwsEmulatorExtension.class)
class EntryHandlersTest {

    static final Instant IN_THE_WINDOW = Instant.parse("2027-01-15T19:30:00Z");

    private PrizeBackend backend;
    private CreateEntryHandler create;

    @BeforeEach
    void freshBackend(LocalAws aws) {
        aws.reset();
        backend = new PrizeBackend(aws, Clock.fixed(IN_THE_WINDOW, ZoneOffset.UTC));
        create = new CreateEntryHandler(backend.desk);
    }

    private JsonNode enter(ObjectNode form) {
        APIGatewayV2HTTPResponse answer = ApiContract.call(create, EntryForms.post(form));
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(201);
        return ApiRequests.body(answer);
    }

    @Test
    void aCompleteEntryIsStoredAwaitingItsVideoWithTheConsentItAgreedToAndWhen() {
        JsonNode answer = enter(EntryForms.complete());

        Entry stored = backend.desk.entries().find(answer.path("entryId").asText()).orElseThrow();
        assertThat(stored.status()).isEqualTo(EntryStatus.AWAITING_UPLOAD);
        assertThat(answer.path("status").asText()).isEqualTo("awaiting-upload");
        assertThat(stored.municipality()).isEqualTo("Zwolle");
        assertThat(stored.consentVersion()).isEqualTo("2027-01");
        assertThat(stored.consentedAt()).isEqualTo(IN_THE_WINDOW);
        assertThat(stored.minorsAppear()).isTrue();
        assertThat(answer.path("manageUrl").asText())
                .startsWith("https://www.mensenmakennederland.nl/inzending.html?entry=" + stored.id() + "&token=");
    }

    @Test
    void theRoundTellsTheFormItsWindowLimitsAndTheConsentToAgreeTo() {
        APIGatewayV2HTTPResponse answer = ApiContract.call(new PrizeRoundHandler(PrizeRound.of(PrizeDesk.Settings.fromEnvironment(new Env(backend.env)))),
                ApiRequests.request("GET /prizes/round", "/prizes/round", Map.of(), Map.of(), Map.of(), null));

        JsonNode round = ApiRequests.body(answer);
        assertThat(round.path("opensAt").asText()).isEqualTo("2026-12-31T23:00:00Z");
        assertThat(round.path("closesAt").asText()).isEqualTo("2027-03-31T22:00:00Z");
        assertThat(round.path("maxBytes").asLong()).isEqualTo(2L * 1024 * 1024 * 1024);
        assertThat(round.path("resumableFromBytes").asLong()).isEqualTo(64L * 1024 * 1024);
        assertThat(round.path("maxVideoSeconds").asInt()).isEqualTo(600);
        assertThat(round.path("consent").path("version").asText()).isEqualTo(ConsentText.CURRENT);
        assertThat(round.path("consent").path("text").asText()).isEqualTo(ConsentText.of(ConsentText.CURRENT).orElseThrow());
        assertThat(answer.getHeaders().get("cache-control")).isEqualTo("public, max-age=300");
    }

    @Test
    void thePresignedPostFixesBucketAndKeyAsksAVideoTypeAndCapsTheSizeForHalfAnHour() {
        JsonNode answer = enter(EntryForms.complete());
        JsonNode upload = answer.path("upload");
        String entryId = answer.path("entryId").asText();

        assertThat(upload.path("url").asText()).isEqualTo(backend.aws.endpoint() + "/" + backend.bucket);
        assertThat(upload.path("fields").path("key").asText()).isEqualTo("entries/" + entryId + "/video");
        assertThat(upload.path("fields").path("Content-Type").asText()).isEqualTo("video/quicktime");
        assertThat(upload.path("maxBytes").asLong()).isEqualTo(2L * 1024 * 1024 * 1024);
        assertThat(upload.path("expiresAt").asText()).isEqualTo("2027-01-15T20:00:00Z");
        JsonNode policy = policy(upload);
        assertThat(policy.path("expiration").asText()).isEqualTo("2027-01-15T20:00:00Z");
        assertThat(policy.path("conditions").toString()).contains(
                "{\"bucket\":\"" + backend.bucket + "\"}",
                "{\"key\":\"entries/" + entryId + "/video\"}",
                "[\"starts-with\",\"$Content-Type\",\"video/\"]",
                "[\"content-length-range\",1,2147483648]",
                "{\"tagging\":\"<Tagging><TagSet><Tag><Key>retention</Key><Value>entry</Value></Tag></TagSet></Tagging>\"}");
        assertThat(upload.path("fields").path("tagging").asText()).contains("<Value>entry</Value>");
    }

    @Test
    void theFilesNameIsShownBackButNeverBecomesTheKey() {
        ObjectNode form = EntryForms.complete();
        ((ObjectNode) form.get("file")).put("name", "../../index.html");

        JsonNode answer = enter(form);

        assertThat(answer.path("upload").path("fields").path("key").asText()).isEqualTo("entries/" + answer.path("entryId").asText() + "/video");
        assertThat(backend.desk.entries().find(answer.path("entryId").asText()).orElseThrow().fileName()).isEqualTo("../../index.html");
    }

    @Test
    void theBrowserUploadsStraightToS3WithTheFormsFields() throws Exception {
        JsonNode answer = enter(EntryForms.complete());
        byte[] video = "not checked here".getBytes(StandardCharsets.UTF_8);

        int status = BrowserUpload.post(answer.path("upload"), "IMG_4821.MOV", video);

        assertThat(status).isBetween(200, 204);
        String key = answer.path("upload").path("fields").path("key").asText();
        assertThat(backend.s3.getObjectAsBytes(r -> r.bucket(backend.bucket).key(key)).asByteArray()).isEqualTo(video);
    }

    @Test
    void withoutConsentEachMissingAgreementIsNamedInDutchAndNothingIsStored() {
        ObjectNode form = EntryForms.complete();
        form.remove("consent");

        APIGatewayV2HTTPResponse answer = ApiContract.call(create, EntryForms.post(form));

        assertThat(answer.getStatusCode()).isEqualTo(422);
        JsonNode problem = ApiRequests.body(answer);
        assertThat(problem.path("title").asText()).isEqualTo("Je inzending is nog niet compleet");
        assertThat(problem.path("errors").findValuesAsText("field"))
                .containsExactly("consent.version", "consent.publication", "consent.recognisablePeople", "consent.minorsAppear");
        assertThat(problem.path("errors").findValuesAsText("message"))
                .anyMatch(m -> m.contains("iedereen die herkenbaar in de vlog te zien is"));
        assertThat(backend.items()).isEmpty();
    }

    @Test
    void childrenInTheVlogNeedAParentOrGuardiansConsent() {
        ObjectNode form = EntryForms.complete();
        ((ObjectNode) form.get("consent")).remove("guardians");

        APIGatewayV2HTTPResponse answer = ApiContract.call(create, EntryForms.post(form));

        assertThat(answer.getStatusCode()).isEqualTo(422);
        assertThat(ApiRequests.body(answer).path("errors").findValuesAsText("field")).containsExactly("consent.guardians");
        assertThat(ApiRequests.body(answer).path("errors").get(0).path("message").asText()).contains("ouder of voogd");
        assertThat(backend.items()).isEmpty();
    }

    @Test
    void consentToAnOlderWordingIsAskedAgain() {
        ObjectNode form = EntryForms.complete();
        ((ObjectNode) form.get("consent")).put("version", "2026-06");

        JsonNode problem = ApiRequests.body(ApiContract.call(create, EntryForms.post(form)));

        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("consent.version");
        assertThat(backend.items()).isEmpty();
    }

    @Test
    void everyWrongFieldIsListedAtOnceWithTheLimitsSpelledOut() {
        ObjectNode form = EntryForms.complete();
        form.put("initiative", "x".repeat(121)).put("municipality", "Atlantis").put("email", "geen-adres")
                .put("title", "Hi").put("description", "Te kort.");
        ((ObjectNode) form.get("file")).put("size", 3L * 1024 * 1024 * 1024).put("contentType", "text/plain");

        JsonNode problem = ApiRequests.body(ApiContract.call(create, EntryForms.post(form)));

        assertThat(problem.path("status").asInt()).isEqualTo(422);
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("initiative", "municipality",
                "email", "title", "description", "file.size", "file.contentType");
        assertThat(problem.path("errors").findValuesAsText("message"))
                .contains("Je vlog is te groot: het maximum is 2 GB. Maak hem korter of sla hem op in een lagere kwaliteit.")
                .anyMatch(m -> m.contains("20 tot 1000 tekens"));
        assertThat(backend.items()).isEmpty();
    }

    private APIGatewayV2HTTPResponse enterWithKey(ObjectNode form, String key) {
        return ApiContract.call(create, withKey(EntryForms.post(form), key));
    }

    @Test
    void theSameFormSentAgainWithItsIdempotencyKeyGetsTheSameEntryWithAFreshUpload() {
        JsonNode first = ApiRequests.body(enterWithKey(EntryForms.complete(), "6f1d-entry-retry"));
        PrizeBackend later = backend.at(Clock.fixed(IN_THE_WINDOW.plusSeconds(3600), ZoneOffset.UTC));

        APIGatewayV2HTTPResponse retried = ApiContract.call(new CreateEntryHandler(later.desk),
                withKey(EntryForms.post(EntryForms.complete()), "6f1d-entry-retry"));

        assertThat(retried.getStatusCode()).isEqualTo(201);
        JsonNode again = ApiRequests.body(retried);
        assertThat(again.path("entryId").asText()).isEqualTo(first.path("entryId").asText());
        assertThat(again.path("manageUrl").asText()).isEqualTo(first.path("manageUrl").asText());
        // Signed an hour later: the first upload's half hour is over, this one is valid from now.
        assertThat(again.path("upload").path("expiresAt").asText()).isEqualTo("2027-01-15T21:00:00Z");
        assertThat(backend.items()).filteredOn(item -> item.get("sk").s().equals("ENTRY")).hasSize(1);
    }

    @Test
    void anIdempotencyKeyUsedForAnotherFormIsRefusedAndStoresNothing() {
        enterWithKey(EntryForms.complete(), "6f1d-entry-retry");
        ObjectNode other = EntryForms.complete().put("title", "Een heel andere vlog");

        APIGatewayV2HTTPResponse refused = enterWithKey(other, "6f1d-entry-retry");

        assertThat(refused.getStatusCode()).isEqualTo(422);
        assertThat(ApiRequests.body(refused).path("errors").get(0).path("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(backend.items()).filteredOn(item -> item.get("sk").s().equals("ENTRY")).hasSize(1);
    }

    private static APIGatewayV2HTTPEvent withKey(APIGatewayV2HTTPEvent request, String key) {
        request.getHeaders().put("idempotency-key", key);
        return request;
    }

    @Test
    void beforeTheWindowOpensAndAfterItClosesEntriesAreRefusedWith409() {
        for (String moment : new String[] {"2026-12-31T22:59:59Z", "2027-03-31T22:00:00Z"}) {
            PrizeBackend outside = backend.at(Clock.fixed(Instant.parse(moment), ZoneOffset.UTC));

            APIGatewayV2HTTPResponse answer = ApiContract.call(new CreateEntryHandler(outside.desk), EntryForms.post(EntryForms.complete()));

            assertThat(answer.getStatusCode()).as(moment).isEqualTo(409);
            assertThat(ApiRequests.body(answer).path("detail").asText()).as(moment)
                    .containsAnyOf("vanaf 1 januari 2027 om 00:00", "gesloten op 1 april 2027 om 00:00");
        }
        assertThat(backend.items()).isEmpty();
    }

    private static JsonNode policy(JsonNode upload) {
        try {
            return Json.MAPPER.readTree(Base64.getDecoder().decode(upload.path("fields").path("policy").asText()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
