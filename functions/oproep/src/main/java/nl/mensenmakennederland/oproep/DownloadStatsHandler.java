package nl.mensenmakennederland.oproep;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.PrimingRequest;
import nl.mensenmakennederland.shared.http.Problem;
import nl.mensenmakennederland.shared.http.Request;
import nl.mensenmakennederland.shared.http.Responses;

/**
 * GET /admin/oproep/stats?from=&to=&groupBy= (admins): downloads, uniques and automated fetches
 * per day, variant, organisation type, municipality or province, as JSON or, with Accept:
 * text/csv, for Excel. Without dates: the last 30 days up to today.
 */
public final class DownloadStatsHandler extends HttpHandler {

    private final DownloadStats stats;
    private final Clock clock;

    public DownloadStatsHandler() {
        this(new DownloadStats(AwsClients.dynamoDb(), Env.system().required("OPROEP_TABLE")), Clock.systemUTC());
        primeOnCheckpoint();
    }

    public DownloadStatsHandler(DownloadStats stats, Clock clock) {
        this.stats = stats;
        this.clock = clock;
    }

    /** The CSV of the last week by province: every shard read, nothing written. */
    @Override
    protected List<PrimingRequest> primingRequests() {
        LocalDate today = CampaignDay.of(clock.instant());
        return List.of(PrimingRequest.to("GET /admin/oproep/stats").asAdmin().header("accept", "text/csv")
                .query("from", today.minusDays(6).toString()).query("to", today.toString()).query("groupBy", "province"));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        request.requireAdmin();
        LocalDate today = CampaignDay.of(clock.instant());
        LocalDate to = request.query("to").map(value -> date("to", value)).orElse(today);
        LocalDate from = request.query("from").map(value -> date("from", value)).orElse(to.minusDays(29));
        if (from.isAfter(to)) {
            throw Problem.invalidParameter("from", "De begindatum ligt na de einddatum.");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > DownloadStats.MAX_DAYS) {
            throw Problem.invalidParameter("from", "Vraag hoogstens " + DownloadStats.MAX_DAYS + " dagen tegelijk op.");
        }
        DownloadStats.GroupBy groupBy = request.query("groupBy").map(code -> DownloadStats.GroupBy.ofCode(code)
                .orElseThrow(() -> Problem.invalidParameter("groupBy",
                        "Groepeer op day, variant, orgType, municipality of province.")))
                .orElse(DownloadStats.GroupBy.DAY);
        DownloadStats.Report report = stats.report(from, to, groupBy);
        if (request.header("accept").orElse("").contains("text/csv")) {
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(200)
                    .withHeaders(Map.of(
                            "content-type", "text/csv; charset=utf-8",
                            "content-disposition", "attachment; filename=\"oproep-downloads-" + groupBy.code() + "-" + from
                                    + "-" + to + ".csv\"",
                            "cache-control", "no-store"))
                    .withBody(StatsCsv.render(report, groupBy))
                    .build();
        }
        return Responses.json(200, report);
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Problem.invalidParameter(field, "Geef de datum als JJJJ-MM-DD, bijvoorbeeld 2026-12-02.");
        }
    }
}
