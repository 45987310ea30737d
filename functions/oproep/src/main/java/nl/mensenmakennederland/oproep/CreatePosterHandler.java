package nl.mensenmakennederland.oproep;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.Ids;
import nl.mensenmakennederland.shared.UtcTime;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.PrimingRequest;
import nl.mensenmakennederland.shared.http.Request;
import nl.mensenmakennederland.shared.http.Responses;

/**
 * POST /oproep/posters : renders the toolkit poster "Mensen maken … …" as a print-ready PDF and a
 * PNG for social media, stores both under a fresh short-lived key (the bucket deletes them after a
 * day) and answers their download links; counted like a variant ({@code poster}).
 */
public final class CreatePosterHandler extends HttpHandler {

    /** How long the answer's links work; the files themselves are deleted by the bucket's lifecycle rule after a day. */
    static final Duration LINKS_VALID = Duration.ofHours(1);

    public record Made(String text, String pdf, String png, String expiresAt) {}

    private final AssetFiles files;
    private final DownloadLinks links;
    private final DownloadDesk desk;
    private final Clock clock;

    public CreatePosterHandler() {
        this(AssetFiles.fromEnvironment(), DownloadLinks.fromEnvironment(), DownloadDesk.fromEnvironment(), Clock.systemUTC());
        primeOnCheckpoint();
    }

    public CreatePosterHandler(AssetFiles files, DownloadLinks links, DownloadDesk desk, Clock clock) {
        this.files = files;
        this.links = links;
        this.desk = desk;
        this.clock = clock;
    }

    /**
     * A poster rendered (the font parsed, a PDF and a PNG made) and the count offline, and the
     * bucket asked for a poster that is not there (the S3 client's first call): nothing stored.
     */
    @Override
    protected void rehearse() {
        PosterRenderer.render("Priming", "beter");
        desk.rehearse();
        files.size("posters/priming/none.pdf");
    }

    /** An ending that breaks the layout: refused with 422 before anything is rendered or stored. */
    @Override
    protected List<PrimingRequest> primingRequests() {
        return List.of(PrimingRequest.to("POST /oproep/posters").header("user-agent", "Mozilla/5.0 (priming)")
                .jsonBody("{\"place\":\"Utrecht\",\"ending\":\"<b>\"}").expect(422));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        PosterForm form = PosterForm.parse(request.jsonBody());
        PosterRenderer.Poster poster = PosterRenderer.render(form.place(), form.ending());
        String prefix = "posters/" + Ids.random() + "/" + form.fileName();
        files.put(prefix + ".pdf", poster.pdf(), "application/pdf");
        files.put(prefix + ".png", poster.png(), "image/png");
        String userAgent = request.header("user-agent").orElse(null);
        desk.countPoster(form.orgType(), form.municipality(), new DownloadDesk.Visitor(request.sourceIp().orElse(null), userAgent,
                AutomatedFetches.isAutomated(request.method(), userAgent, null)));
        return Responses.json(201, new Made(form.text(),
                links.attachment(prefix + ".pdf", form.fileName() + ".pdf", "application/pdf", LINKS_VALID).toString(),
                links.attachment(prefix + ".png", form.fileName() + ".png", "image/png", LINKS_VALID).toString(),
                UtcTime.format(clock.instant().plus(LINKS_VALID))), Map.of());
    }
}
