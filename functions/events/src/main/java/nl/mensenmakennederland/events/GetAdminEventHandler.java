package nl.mensenmakennederland.events;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.List;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.PrimingRequest;
import nl.mensenmakennederland.shared.http.Problem;
import nl.mensenmakennederland.shared.http.Request;
import nl.mensenmakennederland.shared.http.Responses;

/**
 * GET /admin/events/{id} (admins): one event with all its form's fields, and what a capacity
 * change would do to its waiting line before the admin saves it.
 */
public final class GetAdminEventHandler extends HttpHandler {

    private final EventStore events;
    private final Clock clock;

    public GetAdminEventHandler() {
        this(new EventStore(AwsClients.dynamoDb(), Env.system().required("EVENTS_TABLE")), Clock.systemUTC());
        primeOnCheckpoint();
    }

    public GetAdminEventHandler(EventStore events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** An admin asking for an event that does not exist: read, 404. */
    @Override
    protected List<PrimingRequest> primingRequests() {
        return List.of(PrimingRequest.to("GET /admin/events/{id}").pathParameter("id", "priming-no-such-event")
                .asAdmin().expect(404));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        request.requireAdmin();
        Event event = events.find(request.pathParameter("id"))
                .orElseThrow(() -> Problem.notFound("Deze activiteit bestaat niet (meer)."));
        return Responses.json(200, AdminEventView.of(event, clock.instant()));
    }
}
