package nl.mensenmakennederland.oproep;

import static nl.mensenmakennederland.oproep.OproepBackend.downloadRequest;
import static nl.mensenmakennederland.oproep.OproepBackend.statsRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
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
import nl.mensenmakennederland.testing.ApiContract;
import nl.mensenmakennederland.testing.ApiRequests;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.LocalAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Oproep's routes as the site and the admins use them, on moto. */
@ExtendWith(AwsEmulatorExtension.class)
class OproepHandlersTest {

    /** 09:00 in the Netherlands on the morning the Oproep ran in the papers. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T08:00:00Z"), ZoneOffset.UTC);
    static final String CHROME = AutomatedFetchesTest.PEOPLE.getFirst();
    static final String VARIANT = "regionaal-advertentie-a4";

    OproepBackend backend;

    @BeforeEach
    void fresh(LocalAws aws) {
        backend = OproepBackend.freshWithSeedVariants(aws, CLOCK);
    }

    private APIGatewayV2HTTPResponse download(String variant, Map<String, String> query, String ip, String agent) {
        return ApiContract.call(backend.download, downloadRequest(variant, query, ip, agent));
    }

    private JsonNode stats(String groupBy) {
        APIGatewayV2HTTPResponse response = ApiContract.call(backend.stats,
                statsRequest(Map.of("from", "2026-12-01", "to", "2026-12-02", "groupBy", groupBy), "application/json"));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return ApiRequests.body(response);
    }

    private static HttpResponse<byte[]> follow(APIGatewayV2HTTPResponse redirect) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(redirect.getHeaders().get("location"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theSiteListsTheCurrentVariantsWithPreviewsItCanShow() throws Exception {
        APIGatewayV2HTTPResponse response = ApiContract.call(backend.list,
                ApiRequests.get("GET /oproep/variants", "/oproep/variants", Map.of(), Map.of()));

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode variants = ApiRequests.body(response).path("variants");
        List<String> ids = new ArrayList<>();
        variants.forEach(v -> ids.add(v.path("id").asText()));
        assertThat(ids).hasSize(6).contains(VARIANT, "social-vierkant").doesNotContain("landelijk-advertentie-concept");
        assertThat(variants.path(0).path("audience").asText()).isEqualTo("landelijk");
        JsonNode regional = ApiRequests.body(response).path("variants").findParents("id").stream()
                .filter(v -> v.path("id").asText().equals(VARIANT)).findFirst().orElseThrow();
        assertThat(regional.path("download").asText()).isEqualTo("/oproep/variants/" + VARIANT + "/download");
        HttpResponse<byte[]> preview = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(regional.path("preview").asText())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void aDownloadIsCountedAndRedirectsToTheFileSavedUnderAGoodName() throws Exception {
        APIGatewayV2HTTPResponse response = download(VARIANT,
                Map.of("orgType", "vrijwilligerscentrale", "municipality", "zwijndrecht"), "198.51.100.7", CHROME);

        assertThat(response.getStatusCode()).isEqualTo(302);
        String location = response.getHeaders().get("location");
        assertThat(location).contains("/variants/" + VARIANT + "/v1.pdf").contains("X-Amz-Expires=300")
                .contains("response-content-disposition=attachment");
        HttpResponse<byte[]> file = follow(response);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(new String(file.body(), 0, 8, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4");
        // S3 answers a signed request's response-content-disposition as its Content-Disposition; moto
        // ignores response overrides, so the signed query parameter is what is checked here.
        assertThat(query(location, "response-content-disposition"))
                .isEqualTo("attachment; filename=\"mensen-maken-nederland-oproep-regionaal-advertentie-a4.pdf\"");
        assertThat(query(location, "response-content-type")).isEqualTo("application/pdf");
        assertThat(query(location, "X-Amz-SignedHeaders")).isEqualTo("host");

        JsonNode byMunicipality = stats("municipality");
        assertThat(byMunicipality.path("rows").path(0).path("label").asText()).isEqualTo("Zwijndrecht");
        assertThat(byMunicipality.path("total").path("downloads").asLong()).isEqualTo(1);
        assertThat(byMunicipality.path("total").path("uniques").asLong()).isEqualTo(1);
    }

    private static String query(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            if (pair.substring(0, equals).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(equals + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Test
    void bothChoicesAreOptional() {
        assertThat(download(VARIANT, Map.of(), "198.51.100.7", CHROME).getStatusCode()).isEqualTo(302);

        JsonNode byOrgType = stats("orgType");
        assertThat(byOrgType.path("rows").path(0).path("key").asText()).isEqualTo("onbekend");
        assertThat(stats("municipality").path("rows").path(0).path("label").asText()).isEqualTo("Niet opgegeven");
    }

    @Test
    void unknownAndRetiredVariantsAre404AndCountNothing() {
        for (String variant : List.of("bestaat-niet", "landelijk-advertentie-concept", "Hoofdletters", "x".repeat(65))) {
            APIGatewayV2HTTPResponse response = download(variant, Map.of(), "198.51.100.7", CHROME);

            assertThat(response.getStatusCode()).as(variant).isEqualTo(404);
            assertThat(ApiRequests.body(response).path("detail").asText()).isEqualTo("Deze variant van de Oproep bestaat niet (meer).");
        }
        assertThat(stats("day").path("total").path("downloads").asLong()).isZero();
    }

    @Test
    void anUnknownOrganisationTypeOrMunicipalityIs422InDutchAndCountsNothing() {
        int itemsBefore = backend.everything().size();

        APIGatewayV2HTTPResponse response = download(VARIANT, Map.of("orgType", "multinational", "municipality", "Atlantis"),
                "198.51.100.7", CHROME);

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(response.getHeaders().get("content-type")).startsWith("application/problem+json");
        JsonNode problem = ApiRequests.body(response);
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("orgType", "municipality");
        assertThat(problem.path("errors").findValuesAsText("message"))
                .containsExactly("Kies een soort organisatie uit de lijst.", "Kies een bestaande Nederlandse gemeente.");
        assertThat(backend.everything()).hasSize(itemsBefore);
    }

    @Test
    void botsHeadRequestsAndPrefetchesAreRedirectedButCountedApart() {
        for (String bot : List.of("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", "WhatsApp/2.23.20.0 A")) {
            assertThat(download(VARIANT, Map.of(), "203.0.113.5", bot).getStatusCode()).isEqualTo(302);
        }
        assertThat(ApiContract.call(backend.download, downloadRequest("HEAD", VARIANT, Map.of(), "198.51.100.7", CHROME, Map.of()))
                .getStatusCode()).isEqualTo(302);
        assertThat(ApiContract.call(backend.download, downloadRequest("GET", VARIANT, Map.of(), "198.51.100.7", CHROME,
                Map.of("sec-purpose", "prefetch"))).getStatusCode()).isEqualTo(302);
        assertThat(ApiContract.call(backend.download, downloadRequest("GET", VARIANT, Map.of(), "198.51.100.7", CHROME,
                Map.of("x-purpose", "preview"))).getStatusCode()).isEqualTo(302);
        assertThat(download(VARIANT, Map.of(), "198.51.100.7", CHROME).getStatusCode()).isEqualTo(302);

        JsonNode total = stats("day").path("total");
        assertThat(total.path("downloads").asLong()).isEqualTo(1);
        assertThat(total.path("uniques").asLong()).isEqualTo(1);
        assertThat(total.path("automated").asLong()).isEqualTo(5);
    }

    @Test
    void theStatsGroupByDayVariantOrgTypeMunicipalityAndProvince() {
        download(VARIANT, Map.of("orgType", "gemeente", "municipality", "Zwijndrecht"), "198.51.100.1", CHROME);
        download(VARIANT, Map.of("orgType", "gemeente", "municipality", "Dordrecht"), "198.51.100.2", CHROME);
        download(VARIANT, Map.of("orgType", "media", "municipality", "Den Haag"), "198.51.100.3", CHROME);
        download("social-vierkant", Map.of("orgType", "media", "municipality", "Súdwest-Fryslân"), "198.51.100.3", CHROME);
        download("social-vierkant", Map.of("orgType", "media", "municipality", "sudwest fryslan"), "198.51.100.3", CHROME);
        download("social-vierkant", Map.of(), "198.51.100.4", CHROME);

        assertThat(rows(stats("province"))).containsExactly(
                "Zuid-Holland 3/3", "Fryslân 2/1", "Niet opgegeven 1/1");
        assertThat(rows(stats("municipality"))).containsExactly(
                "Súdwest-Fryslân 2/1", "'s-Gravenhage 1/1", "Dordrecht 1/1", "Niet opgegeven 1/1", "Zwijndrecht 1/1");
        assertThat(rows(stats("variant"))).containsExactly(
                "Maatschappelijke Oproep: regionale krant 3/3", "Maatschappelijke Oproep: social media 3/2");
        assertThat(rows(stats("orgType"))).containsExactly("Media 3/2", "Gemeente 2/2", "Onbekend 1/1");
        assertThat(rows(stats("day"))).containsExactly("2026-12-01 0/0", "2026-12-02 6/5");
    }

    /** "label downloads/uniques" per row, in the order the admins see them. */
    private static List<String> rows(JsonNode report) {
        List<String> rows = new ArrayList<>();
        report.path("rows").forEach(r -> rows.add(r.path("label").asText() + " " + r.path("downloads").asLong() + "/"
                + r.path("uniques").asLong()));
        return rows;
    }

    @Test
    void theStatsOpenInExcelWithTotalsAndNeutralisedFormulas() {
        download(VARIANT, Map.of("orgType", "gemeente", "municipality", "Zwijndrecht"), "198.51.100.1", CHROME);
        download(VARIANT, Map.of("orgType", "gemeente", "municipality", "Zwijndrecht"), "198.51.100.1", CHROME);
        // A title an admin typed could start with a formula character: it must not run as one.
        VariantCatalog catalog = new VariantCatalog(backend.dynamoDb, backend.table);
        Variant regional = catalog.find(VARIANT).orElseThrow();
        catalog.put(new Variant(regional.id(), "=HYPERLINK(\"http://evil.example\")", regional.audience(), regional.format(),
                regional.dimensions(), regional.fileType(), regional.sizeBytes(), regional.language(), regional.objectKey(),
                regional.previewKey(), false));

        APIGatewayV2HTTPResponse csv = ApiContract.call(backend.stats, statsRequest(
                Map.of("from", "2026-12-02", "to", "2026-12-02", "groupBy", "variant"), "text/csv"));

        assertThat(csv.getStatusCode()).isEqualTo(200);
        assertThat(csv.getHeaders().get("content-disposition"))
                .isEqualTo("attachment; filename=\"oproep-downloads-variant-2026-12-02-2026-12-02.csv\"");
        assertThat(csv.getBody()).isEqualTo("\uFEFFVariant;Downloads;Unieke downloads;Automatisch (bots, previews)\r\n"
                + "\"'=HYPERLINK(\"\"http://evil.example\"\")\";2;1;0\r\n"
                + "Totaal 2026-12-02 t/m 2026-12-02;2;1;0\r\n");
    }

    @Test
    void theStatsAreForAdminsOnlyAndRefuseBadPeriods() {
        var anonymous = ApiRequests.request("GET /admin/oproep/stats", "/admin/oproep/stats", Map.of(), Map.of(), Map.of(), null);
        assertThat(ApiContract.call(backend.stats, anonymous).getStatusCode()).isEqualTo(401);
        var volunteer = ApiRequests.withJwtGroups(ApiRequests.request("GET /admin/oproep/stats", "/admin/oproep/stats",
                Map.of(), Map.of(), Map.of(), null), "[jury]");
        assertThat(ApiContract.call(backend.stats, volunteer).getStatusCode()).isEqualTo(403);

        for (Map<String, String> bad : List.of(Map.of("from", "2-12-2026"), Map.of("from", "2026-12-03", "to", "2026-12-02"),
                Map.of("from", "2026-01-01", "to", "2026-12-02"), Map.of("groupBy", "gender"))) {
            APIGatewayV2HTTPResponse response = ApiContract.call(backend.stats, statsRequest(bad, "application/json"));
            assertThat(response.getStatusCode()).as(bad.toString()).isEqualTo(400);
            assertThat(ApiRequests.body(response).path("detail").asText()).as(bad.toString()).isNotBlank();
        }
    }

    @Test
    void withoutDatesTheStatsCoverTheLast30DaysUpToToday() {
        JsonNode report = ApiRequests.body(ApiContract.call(backend.stats, statsRequest(Map.of(), "application/json")));

        assertThat(report.path("from").asText()).isEqualTo("2026-11-03");
        assertThat(report.path("to").asText()).isEqualTo("2026-12-02");
        assertThat(report.path("rows")).hasSize(30);
    }
}
