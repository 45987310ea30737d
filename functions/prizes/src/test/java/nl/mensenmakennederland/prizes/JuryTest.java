package nl.mensenmakennederland.prizes;

import nl.mensenmakennederland.mail.MailFeedbackHandler;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.testing.SesFeedback;
import static nl.mensenmakennederland.prizes.JuryDesk.ADMIN;
import static nl.mensenmakennederland.prizes.JuryDesk.ANNA;
import static nl.mensenmakennederland.prizes.JuryDesk.BRAM;
import static nl.mensenmakennederland.prizes.JuryDesk.CHRIS;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.Items;
import nl.mensenmakennederland.testing.ApiRequests;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.TestVideos;
import nl.mensenmakennederland.testing.TestVideos.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The jury's side of the prizes against moto: listing, watching, scoring blind, the ranking, the decisions. */
@ExtendWith(AwsEmulatorExtension.class)
class JuryTest {

    private PrizeBackend backend;
    private JuryDesk jury;

    @BeforeEach
    void freshBackend(LocalAws aws) {
        aws.reset();
        backend = new PrizeBackend(aws, Clock.fixed(EntryHandlersTest.IN_THE_WINDOW, ZoneOffset.UTC));
        jury = new JuryDesk(backend, new UploadNotifications(aws));
    }

    private static JsonNode ok(APIGatewayV2HTTPResponse answer) {
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(200);
        return ApiRequests.body(answer);
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.path("entries").forEach(entry -> ids.add(entry.path("entryId").asText()));
        return ids;
    }

    @Test
    void jurorsSeeOnlyTheEntriesWhoseVlogPassedTheCheckWithoutWhoEnteredThem() throws Exception {
        String zwolle = jury.submitted("Zwolle", "Iedereen aan tafel");
        String zwijndrecht = jury.submitted("Zwijndrecht", "Samen koken");
        jury.rejected("Zwolle");
        jury.awaiting("Zwolle");

        JsonNode all = ok(jury.list(ANNA, Map.of()));

        // Oldest first; these were entered at the same (fixed) moment.
        assertThat(ids(all)).containsExactlyInAnyOrder(zwolle, zwijndrecht);
        JsonNode first = all.path("entries").get(ids(all).indexOf(zwolle));
        assertThat(first.path("title").asText()).isEqualTo("Iedereen aan tafel");
        assertThat(first.path("video").path("width").asInt()).isEqualTo(320);
        assertThat(first.path("scoredByYou").asBoolean()).isFalse();
        assertThat(all.toString()).doesNotContain("sanne@taalcafedebrug.nl", "Sanne de Vries");
        assertThat(ids(ok(jury.list(ANNA, Map.of("municipality", "Zwijndrecht"))))).containsExactly(zwijndrecht);
        assertThat(ids(ok(jury.list(ADMIN, Map.of("status", "submitted"))))).containsExactlyInAnyOrder(zwolle, zwijndrecht);
        APIGatewayV2HTTPResponse unknownStatus = jury.list(ANNA, Map.of("status", "gewonnen"));
        assertThat(unknownStatus.getStatusCode()).isEqualTo(400);
        assertThat(ApiRequests.body(unknownStatus).path("errors").get(0).path("field").asText()).isEqualTo("status");
    }

    @Test
    void aJurorSeesTheOthersScoresOfAnEntryOnlyAfterScoringItThemselves() throws Exception {
        String entry = jury.submitted("Zwolle", "Iedereen aan tafel");
        ok(jury.score(ANNA, entry, 5, 4, 3, "Warm en echt."));

        JsonNode beforeBram = ok(jury.view(BRAM, entry));
        assertThat(beforeBram.has("otherScores")).isFalse();
        assertThat(beforeBram.path("otherScoresHidden").asText()).contains("zodra je deze inzending zelf hebt gescoord");
        assertThat(beforeBram.has("yourScore")).isFalse();
        assertThat(beforeBram.toString()).doesNotContain("Warm en echt", "anna@jury.example");
        assertThat(ok(jury.list(BRAM, Map.of())).path("entries").get(0).path("scoredByYou").asBoolean()).isFalse();

        JsonNode bramScored = ok(jury.score(BRAM, entry, 2, 2, 2, "Te kort."));
        assertThat(bramScored.path("yourScore").path("marks").path("welcome").asInt()).isEqualTo(2);
        assertThat(bramScored.path("otherScores")).hasSize(1);
        assertThat(bramScored.path("otherScores").get(0).path("juror").asText()).isEqualTo("anna@jury.example");
        assertThat(bramScored.path("otherScores").get(0).path("comment").asText()).isEqualTo("Warm en echt.");
        assertThat(bramScored.path("otherScores").get(0).path("mean").asDouble()).isEqualTo(4.0);
        assertThat(ok(jury.view(ANNA, entry)).path("otherScores").get(0).path("juror").asText()).isEqualTo("bram@jury.example");
        assertThat(ok(jury.list(BRAM, Map.of())).path("entries").get(0).path("scoredByYou").asBoolean()).isTrue();
        // Admins do not score: they see every score.
        assertThat(ok(jury.view(ADMIN, entry)).path("otherScores")).hasSize(2);
    }

    @Test
    void scoringAgainReplacesTheJurorsEarlierScore() throws Exception {
        String entry = jury.submitted("Zwolle", "Iedereen aan tafel");
        ok(jury.score(ANNA, entry, 1, 1, 1, "Eerste indruk."));

        JsonNode again = ok(jury.score(ANNA, entry, 4, 4, 5, "Na nog eens kijken."));

        assertThat(again.path("yourScore").path("comment").asText()).isEqualTo("Na nog eens kijken.");
        assertThat(ok(jury.ranking(ADMIN, Map.of(), "application/json")).path("ranking").get(0).path("count").asInt()).isEqualTo(1);
    }

    @Test
    void aScoreWithoutEveryCriterionAsAWholeNumberFromOneToFiveIsRefusedAndWritesNothing() throws Exception {
        String entry = jury.submitted("Zwolle", "Iedereen aan tafel");

        APIGatewayV2HTTPResponse refused = jury.score(ANNA, entry,
                "{\"marks\":{\"welcome\":6,\"example\":2.5,\"spelling\":3},\"comment\":\"x\"}");

        assertThat(refused.getStatusCode()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        ApiRequests.body(refused).path("errors").forEach(error -> fields.add(error.path("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("marks.spelling", "marks.welcome", "marks.example", "marks.originality");
        assertThat(ApiRequests.body(refused).toString()).contains("heel cijfer van 1 tot en met 5");
        assertThat(backend.items()).noneMatch(item -> Items.string(item, "sk").startsWith("SCORE#"));
    }

    @Test
    void onlyJurorsScoreOnlyAdminsRankAndDecideAndNobodyWithoutAToken() throws Exception {
        String entry = jury.submitted("Zwolle", "Iedereen aan tafel");

        assertThat(jury.score(ADMIN, entry, 3, 3, 3, "").getStatusCode()).isEqualTo(403);
        assertThat(ApiRequests.body(jury.score(ADMIN, entry, 3, 3, 3, "")).path("detail").asText())
                .isEqualTo("Dit deel is alleen voor de jury.");
        assertThat(jury.ranking(ANNA, Map.of(), "application/json").getStatusCode()).isEqualTo(403);
        assertThat(jury.decide(ANNA, entry, "winner", "").getStatusCode()).isEqualTo(403);
        assertThat(jury.list(null, Map.of()).getStatusCode()).isEqualTo(401);
        assertThat(jury.view(new JuryDesk.Person("f5-visitor", "iemand@example.org", "[]"), entry).getStatusCode())
                .isEqualTo(403);
        assertThat(backend.items()).noneMatch(item -> Items.string(item, "sk").startsWith("SCORE#"));
        assertThat(backend.desk.entries().find(entry).orElseThrow().status()).isEqualTo(EntryStatus.SUBMITTED);
    }

    @Test
    void theLinkToWatchPlaysTheUploadedVlog() throws Exception {
        String entry = jury.submitted("Zwolle", "Iedereen aan tafel");

        JsonNode view = ok(jury.view(ANNA, entry));
        HttpResponse<byte[]> played = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(view.path("watchUrl").asText())).GET().build(), HttpResponse.BodyHandlers.ofByteArray());

        // moto checks no signature (PresignedUrlsTest proves it against botocore); it does serve the object the URL names.
        assertThat(played.statusCode()).isEqualTo(200);
        assertThat(played.body()).isEqualTo(TestVideos.make(Kind.MP4_INDEX_AT_END, 3));
        assertThat(view.path("watchUrl").asText()).contains("X-Amz-Expires=600");
    }

    @Test
    void theRankingPutsTheHighestMeanFirstWithItsSpreadAndCountAndExportsForExcel() throws Exception {
        String agreed = jury.submitted("Zwolle", "Iedereen aan tafel");
        String divided = jury.submitted("Zwijndrecht", "Samen koken");
        String unscored = jury.submitted("Zwolle", "=HYPERLINK(\"x\")");
        ok(jury.score(ANNA, agreed, 4, 4, 4, "Sterk."));
        ok(jury.score(BRAM, agreed, 4, 4, 4, ""));
        ok(jury.score(CHRIS, agreed, 4, 4, 4, ""));
        ok(jury.score(ANNA, divided, 5, 5, 5, "Prachtig."));
        ok(jury.score(BRAM, divided, 2, 2, 2, "Mager."));

        JsonNode ranking = ok(jury.ranking(ADMIN, Map.of(), "application/json")).path("ranking");

        assertThat(ranking).hasSize(3);
        assertThat(ranking.get(0).path("entryId").asText()).isEqualTo(agreed);
        assertThat(ranking.get(0).path("mean").asDouble()).isEqualTo(4.0);
        assertThat(ranking.get(0).path("spread").asDouble()).isEqualTo(0.0);
        assertThat(ranking.get(0).path("count").asInt()).isEqualTo(3);
        assertThat(ranking.get(1).path("entryId").asText()).isEqualTo(divided);
        assertThat(ranking.get(1).path("mean").asDouble()).isEqualTo(3.5);
        assertThat(ranking.get(1).path("spread").asDouble()).isEqualTo(1.5);
        assertThat(ranking.get(1).path("criterionMeans").path("originality").asDouble()).isEqualTo(3.5);
        assertThat(ranking.get(1).path("email").asText()).isEqualTo("sanne@taalcafedebrug.nl");
        assertThat(ranking.get(2).path("entryId").asText()).isEqualTo(unscored);
        assertThat(ranking.get(2).path("count").asInt()).isZero();

        APIGatewayV2HTTPResponse csv = jury.ranking(ADMIN, Map.of(), "text/csv");
        assertThat(csv.getHeaders().get("content-type")).startsWith("text/csv");
        String[] rows = csv.getBody().split("\r\n");
        assertThat(rows[0]).startsWith("\uFEFFplaats;inzending;titel;");
        assertThat(rows[2]).startsWith("2;" + divided + ";Samen koken;").contains(";3,50;1,50;2;");
        assertThat(rows[3]).contains(";\"'=HYPERLINK("); // a formula neutralised
        String scores = jury.ranking(ADMIN, Map.of("rows", "scores"), "text/csv").getBody();
        assertThat(scores.split("\r\n")).hasSize(1 + 5);
        assertThat(scores).contains(divided + ";Samen koken;bram@jury.example;2;2;2;2,00;Mager.;");
        assertThat(jury.ranking(ADMIN, Map.of("rows", "alles"), "text/csv").getStatusCode()).isEqualTo(400);
    }

    /** SES's complaint from {@code events/} (moto publishes none), tied to the mail the real mailer sent by its message id and tags. */
    @Test
    void aComplaintAboutAnEntrantsMailShowsInTheRankingAndItsExportAndOutlivesTheDecision() throws Exception {
        String entry = jury.submitted("Zwolle", "Iedereen aan tafel");
        backend.deliverMails();
        var sent = backend.sends.to("sanne@taalcafedebrug.nl").getLast();
        var feedback = MailFeedbackHandler.of(new Env(backend.env),
                backend.dynamoDb, backend.key, Clock.fixed(EntryHandlersTest.IN_THE_WINDOW, ZoneOffset.UTC));

        assertThat(feedback.handleRequest(SesFeedback.messages(SesFeedback
                .recordFor("mail-feedback-complaint.json", sent, "sanne@taalcafedebrug.nl")), null).getBatchItemFailures()).isEmpty();
        ok(jury.decide(ADMIN, entry, "nominated", ""));

        JsonNode ranked = ok(jury.ranking(ADMIN, Map.of(), "application/json")).path("ranking").get(0);
        assertThat(ranked.path("mailProblem").path("kind").asText()).isEqualTo("complained");
        assertThat(ranked.path("mailProblem").path("at").asText()).isEqualTo("2027-01-12T11:02:44Z");
        assertThat(jury.ranking(ADMIN, Map.of(), "text/csv").getBody().split("\r\n")[1])
                .endsWith(";als spam gemeld;2027-01-12T11:02:44Z");
    }

    @Test
    void anAdminsDecisionSetsTheStatusWithANoteAndAWinnerIsKeptLonger() throws Exception {
        String winner = jury.submitted("Zwolle", "Iedereen aan tafel");
        String other = jury.submitted("Zwijndrecht", "Samen koken");
        String rejected = jury.rejected("Zwolle");

        JsonNode decided = ok(jury.decide(ADMIN, winner, "winner", "Unaniem."));
        ok(jury.decide(ADMIN, other, "not-selected", ""));

        assertThat(decided.path("decision").path("decidedBy").asText()).isEqualTo("campagne@nov.example");
        Entry stored = backend.desk.entries().find(winner).orElseThrow();
        assertThat(stored.status()).isEqualTo(EntryStatus.WINNER);
        assertThat(stored.decision().note()).isEqualTo("Unaniem.");
        // The template's jury decision (31 May 2027, Amsterdam) plus PrizeWinnerRetentionDays (1095), or RetentionDays (90).
        Instant decision = Instant.parse("2027-05-31T22:00:00Z");
        assertThat(expiresAt(winner)).isEqualTo(decision.plusSeconds(1095L * 86_400));
        assertThat(expiresAt(other)).isEqualTo(decision.plusSeconds(90L * 86_400));
        // The bucket's lifecycle reads the tag: a winner's vlog outlives the others'.
        assertThat(retentionTag(winner)).isEqualTo("winner");
        assertThat(retentionTag(other)).isEqualTo("entry");
        assertThat(ids(ok(jury.list(ANNA, Map.of("status", "winner"))))).containsExactly(winner);
        // Entrants hear the jury's decision when the prizes are announced, not from their link.
        assertThat(jury.asTheEntrantSeesIt(winner).path("status").asText()).isEqualTo("submitted");
        JsonNode ranking = ok(jury.ranking(ADMIN, Map.of(), "application/json")).path("ranking");
        assertThat(ranking.findParents("entryId").stream().filter(line -> line.path("entryId").asText().equals(winner))
                .findFirst().orElseThrow().path("decision").path("note").asText()).isEqualTo("Unaniem.");

        APIGatewayV2HTTPResponse unknown = jury.decide(ADMIN, other, "gewonnen", "");
        assertThat(unknown.getStatusCode()).isEqualTo(422);
        assertThat(ApiRequests.body(unknown).path("errors").get(0).path("field").asText()).isEqualTo("status");
        assertThat(jury.decide(ADMIN, rejected, "winner", "").getStatusCode()).isEqualTo(404);
        assertThat(backend.desk.entries().find(rejected).orElseThrow().status()).isEqualTo(EntryStatus.REJECTED);
    }

    @Test
    void withdrawingAnEntryTakesItsScoresWithItAndItLeavesTheJury() throws Exception {
        String kept = jury.submitted("Zwolle", "Iedereen aan tafel");
        String withdrawn = jury.submitted("Zwijndrecht", "Samen koken");
        ok(jury.score(ANNA, withdrawn, 5, 5, 5, "Mooi."));
        ok(jury.score(BRAM, withdrawn, 4, 4, 4, "Goed."));
        ok(jury.score(ANNA, kept, 3, 3, 3, ""));

        assertThat(jury.withdraw(withdrawn).getStatusCode()).isEqualTo(200);

        assertThat(backend.items()).noneMatch(item -> Items.string(item, "pk").equals("ENTRY#" + withdrawn)
                && !Items.string(item, "sk").equals("WITHDRAWN"));
        assertThat(ids(ok(jury.list(ANNA, Map.of())))).containsExactly(kept);
        assertThat(ok(jury.ranking(ADMIN, Map.of(), "application/json")).path("ranking")).hasSize(1);
        assertThat(jury.score(CHRIS, withdrawn, 1, 1, 1, "").getStatusCode()).isEqualTo(404);
        assertThat(jury.view(CHRIS, withdrawn).getStatusCode()).isEqualTo(404);
        assertThat(backend.items()).noneMatch(item -> Items.string(item, "sk").equals("SCORE#" + CHRIS.sub()));
    }

    private String retentionTag(String entryId) {
        return backend.s3.getObjectTagging(r -> r.bucket(backend.bucket).key(Uploads.objectKey(entryId))).tagSet().stream()
                .filter(tag -> tag.key().equals("retention")).map(software.amazon.awssdk.services.s3.model.Tag::value)
                .findFirst().orElse(null);
    }

    private Instant expiresAt(String entryId) {
        Map<String, AttributeValue> item = backend.items().stream()
                .filter(i -> Items.string(i, "pk").equals("ENTRY#" + entryId) && Items.string(i, "sk").equals("ENTRY"))
                .findFirst().orElseThrow();
        return Instant.ofEpochSecond(Items.longValue(item, "expiresAt"));
    }
}
