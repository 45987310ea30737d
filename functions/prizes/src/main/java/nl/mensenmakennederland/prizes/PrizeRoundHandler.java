package nl.mensenmakennederland.prizes;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.UtcTime;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.PrimingRequest;
import nl.mensenmakennederland.shared.http.Request;
import nl.mensenmakennederland.shared.http.Responses;

/**
 * GET /prizes/round : what the entry form shows before anyone enters: the submission window, the
 * size and length limits, and the consent in the words (and version) entries must agree to, so
 * the site keeps no copy of them. Reads nothing; browsers and CDNs may keep it five minutes.
 */
public final class PrizeRoundHandler extends HttpHandler {

    private final PrizeRound round;

    /** From the configuration alone: no SDK client, nothing to sign or read. */
    public PrizeRoundHandler() {
        this(PrizeRound.of(PrizeDesk.Settings.fromEnvironment(Env.system())));
        primeOnCheckpoint();
    }

    public PrizeRoundHandler(PrizeRound round) {
        this.round = round;
    }

    @Override
    protected List<PrimingRequest> primingRequests() {
        return List.of(PrimingRequest.to("GET /prizes/round"));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("opensAt", UtcTime.format(round.window().opensAt()));
        answer.put("closesAt", UtcTime.format(round.window().closesAt()));
        answer.put("maxBytes", round.maxBytes());
        answer.put("resumableFromBytes", round.resumableFromBytes());
        answer.put("maxVideoSeconds", round.maxDuration().toSeconds());
        answer.put("consent", Map.of("version", ConsentText.CURRENT, "text", ConsentText.of(ConsentText.CURRENT).orElseThrow()));
        return Responses.json(200, answer, Map.of("cache-control", "public, max-age=300"));
    }
}
