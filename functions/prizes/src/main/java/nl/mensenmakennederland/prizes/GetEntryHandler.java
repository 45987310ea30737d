package nl.mensenmakennederland.prizes;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.PrimingRequest;
import nl.mensenmakennederland.shared.http.Problem;
import nl.mensenmakennederland.shared.http.Request;
import nl.mensenmakennederland.shared.http.Responses;

/** GET /prizes/entries/{id}?token= : the entrant's view of their entry (status, consent, what the check found). */
public final class GetEntryHandler extends HttpHandler {

    private final PrizeDesk desk;

    public GetEntryHandler() {
        this(PrizeDesk.fromEnvironment());
        primeOnCheckpoint();
    }

    public GetEntryHandler(PrizeDesk desk) {
        this.desk = desk;
    }

    /** A valid link to an entry that does not exist: the key read, the token checked, the entry looked up, 404. */
    @Override
    protected List<PrimingRequest> primingRequests() {
        return List.of(PrimingRequest.to("GET /prizes/entries/{id}").pathParameter("id", PrimingEntry.ID)
                .query("token", desk.links().token(PrimingEntry.ID, desk.retention().entryExpiresAt())).expect(404));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        String id = request.pathParameter("id");
        String token = request.query("token").orElse(null);
        return switch (desk.access().view(id, token)) {
            case EntryAccess.Opened opened -> Responses.json(200, PrizeAnswers.view(opened.entry(), desk.mails()));
            case EntryAccess.Refused refused -> throw PrizeAnswers.refused(refused);
            case EntryAccess.NoSuchEntry none -> throw PrizeAnswers.noSuchEntry();
            case EntryAccess.Withdrawn withdrawn -> throw Problem.notFound(
                    "Deze inzending is ingetrokken; de vlog en je gegevens zijn verwijderd.");
        };
    }
}
