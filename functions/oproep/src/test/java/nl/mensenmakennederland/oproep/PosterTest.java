package nl.mensenmakennederland.oproep;

import static nl.mensenmakennederland.oproep.OproepBackend.statsRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.testing.ApiContract;
import nl.mensenmakennederland.testing.ApiRequests;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.LocalAws;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The toolkit poster as the site's poster maker asks for it, on moto: the files people get, and the count. */
@ExtendWith(AwsEmulatorExtension.class)
class PosterTest {

    static final String CHROME = AutomatedFetchesTest.PEOPLE.getFirst();

    OproepBackend backend;

    @BeforeEach
    void fresh(LocalAws aws) {
        backend = OproepBackend.freshWithSeedVariants(aws, OproepHandlersTest.CLOCK);
    }

    private APIGatewayV2HTTPResponse make(Object body) {
        APIGatewayV2HTTPEvent event = ApiRequests.request("POST /oproep/posters", "/oproep/posters", Map.of(), Map.of(),
                Map.of("content-type", "application/json", "user-agent", CHROME), Json.write(body));
        return ApiContract.call(backend.poster, event);
    }

    private static byte[] fetched(String link) throws Exception {
        HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        return file.body();
    }

    @Test
    void aPosterIsAPrintReadyPdfWithItsFontEmbeddedAndASquarePngInTheCampaignsColours() throws Exception {
        APIGatewayV2HTTPResponse response = make(Map.of("place", "Zwijndrecht", "ending", "groener"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        JsonNode made = ApiRequests.body(response);
        assertThat(made.path("text").asText()).isEqualTo("Mensen maken Zwijndrecht groener");
        assertThat(made.path("pdf").asText()).contains("/posters/").contains("mensen-maken-zwijndrecht-groener.pdf")
                .contains("response-content-disposition=attachment");
        try (PDDocument pdf = Loader.loadPDF(fetched(made.path("pdf").asText()))) {
            assertThat(pdf.getNumberOfPages()).isOne();
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isEqualTo(595.27563f); // A4
            assertThat(new PDFTextStripper().getText(pdf)).contains("Mensen maken", "Zwijndrecht", "groener");
            PDFont font = pdf.getPage(0).getResources().getFont(pdf.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).as("the font is embedded").isTrue();
        }
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(fetched(made.path("png").asText())));
        assertThat(png.getWidth()).isEqualTo(1080);
        assertThat(png.getHeight()).isEqualTo(1080);
        assertThat(png.getRGB(5, 5) & 0xFFFFFF).as("the campaign's colour").isEqualTo(PosterRenderer.BRAND.getRGB() & 0xFFFFFF);
        long white = 0;
        for (int y = 0; y < 1080; y += 4) {
            for (int x = 0; x < 1080; x += 4) {
                white += (png.getRGB(x, y) & 0xFFFFFF) == 0xFFFFFF ? 1 : 0;
            }
        }
        assertThat(white).as("white text drawn").isGreaterThan(2_000);
    }

    @Test
    void everyLineFitsItsWidthAndALongNameIsSetSmaller() {
        float width = 499;
        List<PosterRenderer.Line> shortName = PosterRenderer.layout("Ede", "mooier", width);
        List<PosterRenderer.Line> longName = PosterRenderer.layout("Verpleeghuis De Weide in Nieuw-Vennep", "gezelliger", width);

        assertThat(shortName).allSatisfy(line -> assertThat(line.width()).isLessThanOrEqualTo(width + 0.01f));
        assertThat(longName).allSatisfy(line -> assertThat(line.width()).isLessThanOrEqualTo(width + 0.01f));
        assertThat(longName.get(1).width()).as("a long name fills the line").isGreaterThan(width * 0.99f);
        assertThat(longName.get(1).size()).isLessThan(shortName.get(1).size() / 2);
    }

    @Test
    void aPosterIsCountedAsThePosterVariantWithTheMunicipalityWhenThePlaceIsOne() {
        make(Map.of("place", "zwijndrecht", "ending", "groener", "orgType", "vrijwilligerscentrale"));
        make(Map.of("place", "Verpleeghuis De Weide", "ending", "gezelliger"));

        JsonNode byVariant = ApiRequests.body(ApiContract.call(backend.stats, statsRequest(
                Map.of("from", "2026-12-02", "to", "2026-12-02", "groupBy", "variant"), "application/json")));
        assertThat(byVariant.path("rows").path(0).path("key").asText()).isEqualTo("poster");
        assertThat(byVariant.path("rows").path(0).path("downloads").asLong()).isEqualTo(2);
        JsonNode byMunicipality = ApiRequests.body(ApiContract.call(backend.stats, statsRequest(
                Map.of("from", "2026-12-02", "to", "2026-12-02", "groupBy", "municipality"), "application/json")));
        assertThat(byMunicipality.path("rows").findValuesAsText("label")).containsExactlyInAnyOrder("Zwijndrecht", "Niet opgegeven");
    }

    @Test
    void inputThatWouldBreakTheLayoutIsRefusedInDutchAndNothingIsStoredOrCounted() {
        int before = backend.everything().size();
        for (Map<String, ?> bad : List.<Map<String, ?>>of(
                Map.of("place", "Zwijndrecht"),
                Map.of("place", "", "ending", "groener"),
                Map.of("place", "Z".repeat(41), "ending", "groener"),
                Map.of("place", "Zwijndrecht", "ending", "groener\nen mooier"),
                Map.of("place", "<script>", "ending", "groener"),
                Map.of("place", "Zwijndrecht", "ending", "groener \uD83C\uDF33"),
                Map.of("place", "Zwijndrecht", "ending", 42),
                Map.of("place", "Zwijndrecht", "ending", "groener", "orgType", "multinational"))) {
            APIGatewayV2HTTPResponse response = make(bad);

            assertThat(response.getStatusCode()).as(bad.toString()).isEqualTo(422);
            assertThat(ApiRequests.body(response).path("errors").path(0).path("message").asText()).as(bad.toString()).isNotBlank();
        }
        assertThat(backend.everything()).hasSize(before);
        assertThat(backend.aws.clients().s3().listObjectsV2(r -> r.bucket(backend.aws.name("OproepAssetsBucket")).prefix("posters/"))
                .contents()).isEmpty();
    }
}
