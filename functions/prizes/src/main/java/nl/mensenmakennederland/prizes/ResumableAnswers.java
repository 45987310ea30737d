package nl.mensenmakennederland.prizes;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.PrimingRequest;
import nl.mensenmakennederland.shared.http.Problem;
import nl.mensenmakennederland.shared.http.Request;
import nl.mensenmakennederland.shared.http.Responses;

/**
 * What the routes of an upload in parts answer, one outcome each, the same on every route; and the
 * base of their handlers: the entry's id and the link's token from the request, the use case, the answer.
 */
abstract class ResumableAnswers extends HttpHandler {

    protected final PrizeDesk desk;
    private final String routeKey;

    ResumableAnswers(PrizeDesk desk, String routeKey) {
        this.desk = desk;
        this.routeKey = routeKey;
    }

    /** The use case this route runs. */
    protected abstract ResumableUpload.Outcome run(String entryId, String token);

    /** A valid link to an entry that does not exist: read all the way, 404 before any S3 call. */
    @Override
    protected final List<PrimingRequest> primingRequests() {
        return List.of(PrimingRequest.to(routeKey).pathParameter("id", PrimingEntry.ID)
                .query("token", desk.links().token(PrimingEntry.ID, desk.retention().entryExpiresAt())).expect(404));
    }

    @Override
    protected final APIGatewayV2HTTPResponse handle(Request request) {
        return answer(run(request.pathParameter("id"), request.query("token").orElse(null)));
    }

    static APIGatewayV2HTTPResponse answer(ResumableUpload.Outcome outcome) {
        return switch (outcome) {
            case ResumableUpload.Progress progress -> Responses.json(200, progress);
            case ResumableUpload.Completed completed -> Responses.json(200, Map.of("entryId", completed.entryId(),
                    "status", EntryStatus.AWAITING_UPLOAD.code(), "bytes", completed.bytes()));
            case ResumableUpload.Aborted aborted -> Responses.json(200, Map.of("entryId", aborted.entryId(), "status", "aborted"));
            case ResumableUpload.Refused refused -> throw PrizeAnswers.refused(new EntryAccess.Refused(refused.why()));
            case ResumableUpload.NoSuchEntry none -> throw PrizeAnswers.noSuchEntry();
            case ResumableUpload.NotAwaiting done -> throw Problem.conflict("Vlog al ontvangen",
                    "Voor deze inzending hebben we al een bestand ontvangen en gecontroleerd; bekijk de status via je link.");
            case ResumableUpload.NotStarted none -> throw Problem.conflict("Geen upload bezig",
                    "Er loopt voor deze inzending geen upload in delen (meer). Begin opnieuw met uploaden.");
            case ResumableUpload.Incomplete incomplete -> throw Problem.conflict("Upload nog niet compleet",
                    "Nog niet alle delen zijn binnen (" + incomplete.missingParts().size()
                            + " ontbreken). Ga verder met uploaden en rond daarna af.");
            case ResumableUpload.TooLarge large -> throw Problem.conflict("Bestand te groot",
                    "Het bestand is groter dan " + Sizes.dutch(large.maxBytes()) + "; de upload is gestopt.");
        };
    }
}
