package nl.mensenmakennederland.prizes;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.PrimingRequest;
import nl.mensenmakennederland.shared.http.Problem;
import nl.mensenmakennederland.shared.http.Request;
import nl.mensenmakennederland.shared.http.Responses;

/**
 * GET /admin/prizes/ranking (admins): every entry before the jury, best first, with its mean,
 * spread and number of scores, its decision, and its scores. With {@code Accept: text/csv}, for
 * Excel: a row per entry, or with {@code ?rows=scores} a row per score.
 */
public final class PrizeRankingHandler extends HttpHandler {

    private final PrizeDesk desk;

    public PrizeRankingHandler() {
        this(PrizeDesk.fromEnvironment());
        primeOnCheckpoint();
    }

    public PrizeRankingHandler(PrizeDesk desk) {
        this.desk = desk;
    }

    /** The export as an admin downloads it: entries and scores read, the CSV written. */
    @Override
    protected List<PrimingRequest> primingRequests() {
        return List.of(PrimingRequest.to("GET /admin/prizes/ranking").asAdmin().header("accept", "text/csv"));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        request.requireAdmin();
        String rows = request.query("rows").orElse("entries");
        if (!rows.equals("entries") && !rows.equals("scores")) {
            throw Problem.invalidParameter("rows", "Kies entries (een regel per inzending) of scores (een regel per score).");
        }
        List<RankedEntry> ranking = desk.judging().ranking();
        if (request.header("accept").orElse("").contains("text/csv")) {
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(200)
                    .withHeaders(Map.of(
                            "content-type", "text/csv; charset=utf-8",
                            "content-disposition", "attachment; filename=\"prijzen-" + (rows.equals("scores") ? "scores" : "ranglijst")
                                    + ".csv\"",
                            "cache-control", "no-store"))
                    .withBody(rows.equals("scores") ? RankingCsv.scores(ranking) : RankingCsv.entries(ranking))
                    .build();
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < ranking.size(); i++) {
            lines.add(JuryAnswers.ranked(i + 1, ranking.get(i)));
        }
        return Responses.json(200, Map.of("ranking", lines));
    }
}
