package nl.mensenmakennederland.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.testing.EmulatorClients;
import nl.mensenmakennederland.testing.RepositoryRoot;
import nl.mensenmakennederland.testing.SamTemplate;
import nl.mensenmakennederland.testing.SeedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The runner from the outside, over HTTP, as the site and a developer's curl use it. */
@ExtendWith(SharedRunner.class)
class LocalRunnerTest {

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }

    @Test
    void servesTheSeededEventsThroughTheRealHandler(RunnerProcess runner) throws IOException {
        HttpResponse<String> response = runner.get("/events");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
        List<String> ids = new ArrayList<>();
        json(response).get("events").forEach(e -> ids.add(e.get("id").asText()));
        // The runner is shared with tests that add events of their own: every seeded one is served.
        assertThat(ids).containsAll(SeedData.events().stream().map(e -> e.get("id").asText()).toList());
    }

    @Test
    void pathAndQueryParametersReachTheHandler(RunnerProcess runner) throws IOException {
        JsonNode event = json(runner.get("/events/exp-2027-02-04-amersfoort"));
        assertThat(event.get("id").asText()).isEqualTo("exp-2027-02-04-amersfoort");
        assertThat(event.get("seatsLeft").asInt()).isEqualTo(200);

        json(runner.get("/events?type=expeditie")).get("events")
                .forEach(e -> assertThat(e.get("type").asText()).isEqualTo("expeditie"));

        HttpResponse<String> unknownType = runner.get("/events?type=borrel");
        assertThat(unknownType.statusCode()).isEqualTo(400);
        assertThat(json(unknownType).get("errors").get(0).get("field").asText()).isEqualTo("type");

        HttpResponse<String> missing = runner.get("/events/bestaat-niet");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("title").asText()).isEqualTo("Niet gevonden");
    }

    @Test
    void aRouteMissingFromTheTemplateIsApiGatewaysNotFound(RunnerProcess runner) {
        for (String[] request : List.of(new String[] {"POST", "/events"}, new String[] {"PUT", "/events/x"},
                new String[] {"GET", "/events/x/y"}, new String[] {"GET", "/bestaat-niet"}, new String[] {"DELETE", "/"})) {
            HttpResponse<String> response = runner.send(request[0], request[1], Map.of(), null);

            assertThat(response.statusCode()).as(request[0] + " " + request[1]).isEqualTo(404);
            assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
        }
    }

    @Test
    void everyRouteOfTheTemplateIsServedByItsFunction(RunnerProcess runner) {
        for (HttpApiRoutes.Route route : HttpApiRoutes.from(SamTemplate.load()).all()) {
            String path = route.path().replaceAll("\\{[^}]+}", "onbekend");
            HttpResponse<String> response = runner.send(route.method(), path, Map.of("content-type", "application/json"), "{}");

            assertThat(response.body()).as(route.routeKey()).isNotEqualTo("{\"message\":\"Not Found\"}");
            if (route.authorizer() != null) {
                assertThat(response.statusCode()).as(route.routeKey() + " without a token").isEqualTo(401);
            }
        }
    }

    @Test
    void adminRoutesLetOnlyAValidAdminTokenThrough(RunnerProcess runner) throws IOException {
        List<HttpApiRoutes.Route> guarded = HttpApiRoutes.from(SamTemplate.load()).all().stream()
                .filter(r -> r.authorizer() != null).toList();
        assertThat(guarded).as("the template has admin routes").isNotEmpty();
        String admin = runner.adminToken();
        String[] parts = admin.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 4) + "AAAA." + parts[2];
        String foreign = new LocalTokenIssuer(java.time.Clock.systemUTC())
                .issue(JwtAuthorizer.configs(SamTemplate.load()).get("AdminJwt"), List.of("admins"), java.time.Duration.ofHours(1));
        String volunteer = json(runner.get("/_local/token?groups=vrijwilligers")).get("token").asText();

        for (HttpApiRoutes.Route route : guarded) {
            String path = route.path().replace("{id}", "kb-2027-01-14-jongeren-betrekken");
            String body = "GET".equals(route.method()) ? null : "{}";
            Map<String, String> json = Map.of("content-type", "application/json");
            assertThat(runner.send(route.method(), path, json, body).statusCode()).as(route.routeKey() + " no token").isEqualTo(401);
            for (String refused : List.of(tampered, foreign, "not-a-jwt")) {
                assertThat(runner.send(route.method(), path, Map.of("content-type", "application/json",
                        "authorization", "Bearer " + refused), body).statusCode()).as(route.routeKey()).isEqualTo(401);
            }
            HttpResponse<String> notAdmin = runner.send(route.method(), path,
                    Map.of("content-type", "application/json", "authorization", "Bearer " + volunteer), body);
            assertThat(notAdmin.statusCode()).as(route.routeKey() + " as a volunteer").isEqualTo(403);
            assertThat(json(notAdmin).get("title").asText()).isEqualTo("Geen toegang");
        }

        HttpResponse<String> list = runner.send("GET", "/admin/events/kb-2027-01-14-jongeren-betrekken/registrations",
                Map.of("authorization", "Bearer " + admin), null);
        assertThat(list.statusCode()).isEqualTo(200);
        HttpResponse<String> one = runner.send("GET", "/admin/events/kb-2027-01-14-jongeren-betrekken",
                Map.of("authorization", "Bearer " + admin), null);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(json(one).get("waitingLine").isArray()).as("the admins' view, not the registrations").isTrue();
        assertThat(json(runner.send("GET", "/admin/events", Map.of("authorization", "Bearer " + admin), null))
                .get("events").size()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void theMorningDigestFiresOnDemandOnceAPeriodAndLandsInTheMailbox(RunnerProcess runner) throws IOException {
        HttpResponse<String> fired = runner.send("POST", "/_local/schedules/DigestFunction", Map.of(), "");
        HttpResponse<String> again = runner.send("POST", "/_local/schedules/DigestFunction", Map.of(), "");

        assertThat(fired.statusCode()).isEqualTo(200);
        // Another test of this shared runner may have fired it first: then this one finds it sent.
        assertThat(json(fired).get("outcome").asText()).isIn("sent", "already-sent");
        assertThat(json(again).get("outcome").asText()).isEqualTo("already-sent");
        // The outbox stream hands the mail to the mailer within a few seconds.
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (!runner.get("/_local/mail").body().contains("overzicht van") && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(250_000_000L);
        }
        assertThat(runner.get("/_local/mail").body()).contains("Mensen maken Nederland: overzicht van");
        assertThat(runner.send("POST", "/_local/schedules/BestaatNiet", Map.of(), "").statusCode()).isEqualTo(404);
        HttpResponse<String> preview = runner.send("GET", "/admin/digest/preview",
                Map.of("authorization", "Bearer " + runner.adminToken()), null);
        assertThat(json(preview).get("subject").asText()).startsWith("Mensen maken Nederland: overzicht van");
    }

    @Test
    void servesTheDemoSiteButNothingOutsideIt(RunnerProcess runner) {
        HttpResponse<String> home = runner.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(home.body()).contains("<html lang=\"nl\">", "Mensen maken Nederland");
        assertThat(runner.get("/js/site.js").headers().firstValue("content-type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/javascript"));

        for (String escape : List.of("/..%2fpom.xml", "/%2e%2e/template.yaml", "/css/..%2f..%2fpom.xml")) {
            assertThat(runner.get(escape).statusCode()).as(escape).isEqualTo(404);
        }
    }

    /** The chart library the admin pages use, at the stable path the deployed site has it too, in the version the lock names. */
    @Test
    void servesTheVendoredChartLibraryButNotTheSitesBuildFiles(RunnerProcess runner) throws IOException {
        String version = Json.MAPPER.readTree(RepositoryRoot.path().resolve("site/package-lock.json").toFile())
                .path("packages").path("node_modules/chart.js").path("version").asText();
        HttpResponse<String> chart = runner.get("/vendor/chart.js/chart.umd.min.js");
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.headers().firstValue("content-type")).hasValue("text/javascript; charset=utf-8");
        assertThat(chart.body()).startsWith("/*!\n * Chart.js v" + version + "\n").contains("window.Chart=");

        for (String build : List.of("/node_modules/chart.js/dist/chart.umd.min.js", "/package.json", "/vendor.mjs")) {
            assertThat(runner.get(build).statusCode()).as(build).isEqualTo(404);
        }
    }

    @Test
    void theMailboxShowsWhatSesSentNewestFirstWithAttachments(RunnerProcess runner) throws IOException {
        SesV2Client ses = EmulatorClients.forEndpoint(runner.emulatorEndpoint()).ses();
        ses.sendEmail(r -> r.fromEmailAddress("noreply@mensenmakennederland.nl")
                .destination(d -> d.toAddresses("vrijwilliger@example.org"))
                .content(c -> c.simple(m -> m.subject(s -> s.data("Eerste mail"))
                        .body(b -> b.html(h -> h.data("<p>Hallo</p>")).text(t -> t.data("Hallo"))))));
        // moto keeps no send time: the mailbox orders by when it first saw a mail.
        runner.get("/_local/mail.json");
        String raw = """
                From: Mensen maken Nederland <noreply@mensenmakennederland.nl>\r
                To: organisatie@example.org\r
                Subject: =?UTF-8?Q?Bevestiging:_caf=C3=A9_Utrecht?=\r
                MIME-Version: 1.0\r
                Content-Type: multipart/mixed; boundary=grens\r
                \r
                --grens\r
                Content-Type: text/html; charset=UTF-8\r
                \r
                <p>Je bent aangemeld. <a href="http://localhost/beheer.html">Beheer</a></p>\r
                --grens\r
                Content-Type: text/calendar; charset=UTF-8; name=activiteit.ics\r
                Content-Disposition: attachment; filename=activiteit.ics\r
                Content-Transfer-Encoding: base64\r
                \r
                QkVHSU46VkNBTEVOREFSDQpFTkQ6VkNBTEVOREFSDQo=\r
                --grens--\r
                """;
        ses.sendEmail(r -> r.fromEmailAddress("noreply@mensenmakennederland.nl")
                .destination(d -> d.toAddresses("organisatie@example.org"))
                .content(c -> c.raw(m -> m.data(SdkBytes.fromString(raw, StandardCharsets.UTF_8)))));

        List<String> subjects = new ArrayList<>();
        JsonNode newest = null;
        for (JsonNode mail : json(runner.get("/_local/mail.json"))) {
            subjects.add(mail.get("subject").asText());
            if (mail.get("subject").asText().equals("Bevestiging: café Utrecht")) {
                newest = mail;
            }
        }
        assertThat(subjects.indexOf("Bevestiging: café Utrecht")).isNotNegative().isLessThan(subjects.indexOf("Eerste mail"));
        assertThat(newest.get("to").get(0).asText()).isEqualTo("organisatie@example.org");
        assertThat(newest.get("attachments").get(0).asText()).isEqualTo("activiteit.ics");

        String page = runner.get("/_local/mail").body();
        assertThat(page.indexOf("Bevestiging: café Utrecht")).isLessThan(page.indexOf("Eerste mail"));
        String id = newest.get("id").asText();
        assertThat(runner.get("/_local/mail/" + id + "/body").body())
                .contains("<base target=\"_top\">", "Je bent aangemeld.");
        HttpResponse<String> ics = runner.get("/_local/mail/" + id + "/attachments/0");
        assertThat(ics.headers().firstValue("content-disposition")).hasValue("attachment; filename=\"activiteit.ics\"");
        assertThat(ics.body()).startsWith("BEGIN:VCALENDAR");
    }
}
