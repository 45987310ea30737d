package nl.mensenmakennederland.prizes;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.Metrics;
import nl.mensenmakennederland.shared.Metrics.Metric;
import nl.mensenmakennederland.shared.UtcTime;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.PrimingRequest;
import nl.mensenmakennederland.shared.http.Request;
import nl.mensenmakennederland.shared.http.Responses;

/** DELETE /prizes/entries/{id}?token= : withdraw; the video and the entry are deleted, only the moment is kept. */
public final class WithdrawEntryHandler extends HttpHandler {

    private final PrizeDesk desk;

    public WithdrawEntryHandler() {
        this(PrizeDesk.fromEnvironment());
        primeOnCheckpoint();
    }

    public WithdrawEntryHandler(PrizeDesk desk) {
        this.desk = desk;
    }

    /** A valid link to an entry that does not exist: looked up, never withdrawn, 404 before any delete. */
    @Override
    protected List<PrimingRequest> primingRequests() {
        return List.of(PrimingRequest.to("DELETE /prizes/entries/{id}").pathParameter("id", PrimingEntry.ID)
                .query("token", desk.links().token(PrimingEntry.ID, desk.retention().entryExpiresAt())).expect(404));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        String id = request.pathParameter("id");
        String token = request.query("token").orElse(null);
        return switch (desk.access().withdraw(id, token)) {
            case EntryAccess.Withdrawn withdrawn -> {
                Metrics.count(Metric.PRIZE_ENTRY_WITHDRAWN);
                yield Responses.json(200, Map.of("entryId", id, "status", "withdrawn", "withdrawnAt", UtcTime.format(withdrawn.at())));
            }
            case EntryAccess.Refused refused -> throw PrizeAnswers.refused(refused);
            case EntryAccess.NoSuchEntry none -> throw PrizeAnswers.noSuchEntry();
        };
    }
}
