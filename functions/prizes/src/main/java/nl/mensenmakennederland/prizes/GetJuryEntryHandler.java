package nl.mensenmakennederland.prizes;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import nl.mensenmakennederland.shared.http.Caller;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.PrimingRequest;
import nl.mensenmakennederland.shared.http.Request;
import nl.mensenmakennederland.shared.http.Responses;

/**
 * GET /jury/entries/{id} (jury, admins): an entry, a link to watch its vlog for a few minutes, the
 * caller's own score, and the other jurors' scores once the caller has scored it.
 */
public final class GetJuryEntryHandler extends HttpHandler {

    private final PrizeDesk desk;

    public GetJuryEntryHandler() {
        this(PrizeDesk.fromEnvironment());
        primeOnCheckpoint();
    }

    public GetJuryEntryHandler(PrizeDesk desk) {
        this.desk = desk;
    }

    /** A juror opening an entry that does not exist: looked up, 404. */
    @Override
    protected List<PrimingRequest> primingRequests() {
        return List.of(PrimingRequest.to("GET /jury/entries/{id}").pathParameter("id", PrimingEntry.ID)
                .asMemberOf(Caller.JURY).expect(404));
    }

    /** The link a view hands out, signed once with the environment's credentials. */
    @Override
    protected void rehearse() {
        desk.urls().watch(Uploads.objectKey(PrimingEntry.ID), Judging.WATCHING);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        Caller caller = request.requireAnyOf(Caller.JURY, Caller.ADMINS);
        return desk.judging().view(caller, request.pathParameter("id"))
                .map(view -> Responses.json(200, JuryAnswers.view(view)))
                .orElseThrow(JuryAnswers::notBeforeTheJury);
    }
}
