package nl.mensenmakennederland.prizes;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import nl.mensenmakennederland.shared.Metrics;
import nl.mensenmakennederland.shared.Metrics.Metric;
import nl.mensenmakennederland.shared.http.Caller;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.PrimingRequest;
import nl.mensenmakennederland.shared.http.Request;
import nl.mensenmakennederland.shared.http.Responses;

/**
 * PUT /jury/entries/{id}/score (jury): a juror's marks and comment for an entry, replacing their
 * earlier score; the answer is the entry with everyone's scores, now that theirs is in.
 */
public final class ScoreEntryHandler extends HttpHandler {

    private final PrizeDesk desk;

    public ScoreEntryHandler() {
        this(PrizeDesk.fromEnvironment());
        primeOnCheckpoint();
    }

    public ScoreEntryHandler(PrizeDesk desk) {
        this.desk = desk;
    }

    /** A complete score of an entry that does not exist: read all the way, looked up, 404, nothing written. */
    @Override
    protected List<PrimingRequest> primingRequests() {
        return List.of(PrimingRequest.to("PUT /jury/entries/{id}/score").pathParameter("id", PrimingEntry.ID)
                .asMemberOf(Caller.JURY)
                .jsonBody("{\"marks\":{\"welcome\":3,\"example\":3,\"originality\":3},\"comment\":\"Priming\"}").expect(404));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        Caller juror = request.requireAnyOf(Caller.JURY);
        String entryId = request.pathParameter("id");
        ScoreForm form = ScoreForm.parse(request.jsonBody());
        return switch (desk.judging().score(juror, entryId, form)) {
            case Judging.Scored scored -> {
                Metrics.count(Metric.PRIZE_ENTRY_SCORED);
                yield Responses.json(200, JuryAnswers.view(scored.view()));
            }
            case Judging.NotBeforeTheJury gone -> throw JuryAnswers.notBeforeTheJury();
        };
    }
}
