package nl.mensenmakennederland.oproep;

import static nl.mensenmakennederland.oproep.OproepBackend.downloadRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.testing.ApiContract;
import nl.mensenmakennederland.testing.ApiRequests;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.OproepSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Admins manage the variants: a new file version uploaded through the presigned POST (posted to
 * moto as a browser posts the form), named in a PUT, then served; a new variant; a retired one.
 * moto checks no POST policy (PostPolicySignerTest proves the policy against botocore).
 */
@ExtendWith(AwsEmulatorExtension.class)
class VariantAdminTest {

    static final String VARIANT = "regionaal-advertentie-a4";
    static final String CHROME = AutomatedFetchesTest.PEOPLE.getFirst();

    OproepBackend backend;

    @BeforeEach
    void fresh(LocalAws aws) {
        backend = OproepBackend.freshWithSeedVariants(aws, OproepHandlersTest.CLOCK);
    }

    private static APIGatewayV2HTTPEvent asAdmin(String routeKey, String path, String id, Object body) {
        return ApiRequests.withJwtGroups(ApiRequests.request(routeKey, path, Map.of("id", id), Map.of(),
                Map.of("content-type", "application/json"), Json.write(body)), "[admins]");
    }

    private JsonNode startUpload(String id, String part, String fileType) {
        APIGatewayV2HTTPResponse response = ApiContract.call(backend.startUpload, asAdmin("POST /admin/oproep/variants/{id}/uploads",
                "/admin/oproep/variants/" + id + "/uploads", id, Map.of("part", part, "fileType", fileType)));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        return ApiRequests.body(response);
    }

    private APIGatewayV2HTTPResponse put(String id, Map<String, Object> variant) {
        return ApiContract.call(backend.putVariant, asAdmin("PUT /admin/oproep/variants/{id}", "/admin/oproep/variants/" + id, id, variant));
    }

    /** Posts the form's fields and the file as multipart/form-data, as the admin's browser does. */
    private static int post(JsonNode upload, byte[] file, String contentType) throws Exception {
        String boundary = "----oproep" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        upload.path("fields").properties().forEach(field -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + field.getKey() + "\"\r\n\r\n" + field.getValue().asText() + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"upload\"\r\nContent-Type: "
                + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
                        .header("content-type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Map<String, Object> variant(String title, String audience, String objectKey, String previewKey, boolean retired) {
        Map<String, Object> variant = new java.util.LinkedHashMap<>(Map.of("title", title, "audience", audience, "format", "advertentie",
                "dimensions", "210 x 297 mm", "fileType", "pdf", "language", "nl", "objectKey", objectKey, "retired", retired));
        if (previewKey != null) {
            variant.put("previewKey", previewKey);
        }
        return variant;
    }

    /** The functions as an environment that starts after the change sees them (downloads cache the variants a minute). */
    private OproepBackend aMinuteLater() {
        return backend.at(Clock.offset(OproepHandlersTest.CLOCK, Duration.ofSeconds(61)));
    }

    private static byte[] fetched(APIGatewayV2HTTPResponse redirect) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(redirect.getHeaders().get("location"))).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    @Test
    void aNewFileVersionIsUploadedThroughThePresignedPostNamedAndThenDownloaded() throws Exception {
        JsonNode started = startUpload(VARIANT, "file", "pdf");
        String key = started.path("objectKey").asText();
        assertThat(started.path("newVariant").asBoolean()).isFalse();
        assertThat(key).startsWith("variants/" + VARIANT + "/").endsWith(".pdf").isNotEqualTo(VARIANT + "/v1.pdf");
        assertThat(started.path("upload").path("maxBytes").asLong()).isEqualTo(50L * 1024 * 1024);
        byte[] version2 = OproepSeed.pdf("Maatschappelijke Oproep: regionale krant, versie 2");
        assertThat(post(started.path("upload"), version2, "application/pdf")).isBetween(200, 204);

        APIGatewayV2HTTPResponse response = put(VARIANT, variant("Maatschappelijke Oproep: regionale krant", "regionaal", key, null, false));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(ApiRequests.body(response).path("sizeBytes").asLong()).isEqualTo(version2.length);
        APIGatewayV2HTTPResponse download = ApiContract.call(aMinuteLater().download, downloadRequest(VARIANT, Map.of(), "198.51.100.9", CHROME));
        assertThat(download.getHeaders().get("location")).contains("/" + key + "?");
        assertThat(fetched(download)).isEqualTo(version2);
    }

    @Test
    void aNewVariantWithItsPreviewIsListedAndARetiredOneIsNeitherListedNorServed() throws Exception {
        JsonNode file = startUpload("lokaal-nieuwsbrief", "file", "pdf");
        JsonNode preview = startUpload("lokaal-nieuwsbrief", "preview", "png");
        assertThat(file.path("newVariant").asBoolean()).isTrue();
        assertThat(post(file.path("upload"), OproepSeed.pdf("Nieuwsbrief"), "application/pdf")).isBetween(200, 204);
        assertThat(post(preview.path("upload"), OproepSeed.png(160), "image/png")).isBetween(200, 204);

        assertThat(put("lokaal-nieuwsbrief", variant("Maatschappelijke Oproep: nieuwsbrief", "lokaal", file.path("objectKey").asText(),
                preview.path("objectKey").asText(), false)).getStatusCode()).isEqualTo(200);
        Variant regional = new VariantCatalog(backend.dynamoDb, backend.table).find(VARIANT).orElseThrow();
        assertThat(put(VARIANT, variant(regional.title(), "regionaal", regional.objectKey(), null, true)).getStatusCode()).isEqualTo(200);

        JsonNode listed = ApiRequests.body(ApiContract.call(backend.list, ApiRequests.get("GET /oproep/variants", "/oproep/variants",
                Map.of(), Map.of()))).path("variants");
        List<String> ids = new ArrayList<>();
        listed.forEach(v -> ids.add(v.path("id").asText()));
        assertThat(ids).contains("lokaal-nieuwsbrief").doesNotContain(VARIANT);
        assertThat(ApiContract.call(aMinuteLater().download, downloadRequest(VARIANT, Map.of(), "198.51.100.9", CHROME))
                .getStatusCode()).isEqualTo(404);
    }

    @Test
    void aVariantNamingAFileThatIsNotUploadedOrNotItsOwnIsRefusedAndNothingChanges() {
        Variant before = new VariantCatalog(backend.dynamoDb, backend.table).find(VARIANT).orElseThrow();
        String notUploaded = startUpload(VARIANT, "file", "pdf").path("objectKey").asText();
        String othersFile = new VariantCatalog(backend.dynamoDb, backend.table).find("lokaal-poster-a3").orElseThrow().objectKey();

        APIGatewayV2HTTPResponse missing = put(VARIANT, variant("Titel", "regionaal", notUploaded, null, false));
        APIGatewayV2HTTPResponse foreign = put(VARIANT, variant("Titel", "regionaal", othersFile, null, false));
        APIGatewayV2HTTPResponse incomplete = put(VARIANT, Map.of("title", "", "audience", "wereldwijd", "fileType", "exe"));

        assertThat(missing.getStatusCode()).isEqualTo(422);
        assertThat(ApiRequests.body(missing).path("errors").findValuesAsText("message")).containsExactly("Dit bestand is (nog) niet geüpload.");
        assertThat(foreign.getStatusCode()).isEqualTo(422);
        assertThat(ApiRequests.body(foreign).path("errors").findValuesAsText("field")).containsExactly("objectKey");
        assertThat(ApiRequests.body(incomplete).path("errors").findValuesAsText("field"))
                .containsExactly("title", "audience", "format", "dimensions", "fileType", "language", "objectKey");
        assertThat(new VariantCatalog(backend.dynamoDb, backend.table).find(VARIANT)).hasValue(before);
    }

    @Test
    void onlyAdminsManageVariantsAndOnlyKnownPartsAndTypesAreUploaded() {
        var anonymous = ApiRequests.request("PUT /admin/oproep/variants/{id}", "/admin/oproep/variants/" + VARIANT, Map.of("id", VARIANT),
                Map.of(), Map.of("content-type", "application/json"), "{}");
        assertThat(ApiContract.call(backend.putVariant, anonymous).getStatusCode()).isEqualTo(401);
        var jury = ApiRequests.withJwtGroups(ApiRequests.request("POST /admin/oproep/variants/{id}/uploads",
                "/admin/oproep/variants/" + VARIANT + "/uploads", Map.of("id", VARIANT), Map.of(),
                Map.of("content-type", "application/json"), "{\"fileType\":\"pdf\"}"), "[jury]");
        assertThat(ApiContract.call(backend.startUpload, jury).getStatusCode()).isEqualTo(403);

        for (Map<String, String> bad : List.of(Map.of("part", "file", "fileType", "exe"), Map.of("part", "preview", "fileType", "pdf"),
                Map.of("part", "video", "fileType", "mp4"))) {
            APIGatewayV2HTTPResponse response = ApiContract.call(backend.startUpload, asAdmin("POST /admin/oproep/variants/{id}/uploads",
                    "/admin/oproep/variants/" + VARIANT + "/uploads", VARIANT, bad));
            assertThat(response.getStatusCode()).as(bad.toString()).isEqualTo(422);
        }
        APIGatewayV2HTTPResponse badId = ApiContract.call(backend.startUpload, asAdmin("POST /admin/oproep/variants/{id}/uploads",
                "/admin/oproep/variants/Geen Id/uploads", "Geen Id", Map.of("fileType", "pdf")));
        assertThat(badId.getStatusCode()).isEqualTo(400);
    }
}
