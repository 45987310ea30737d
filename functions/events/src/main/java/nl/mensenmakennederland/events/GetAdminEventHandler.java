package nl.mensenmakennederland.events;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.Json;
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

    /**
     * The view of an event with a group in line, composed and written to JSON offline: the
     * priming request finds no event, so it reaches no view. Nothing is read or written.
     */
    @Override
    protected void rehearse() {
        Instant now = clock.instant();
        Event inLine = new Event("rehearsal", EventType.EXPEDITIE, "Rehearsal", null, now, now.plus(Duration.ofHours(1)),
                "Rehearsal", false, null, 2, true, null, new SeatLedger(1, 1, List.of(new SeatLedger.Waiting("rehearsal", 2)), 1));
        Json.write(AdminEventView.of(inLine, now));
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
