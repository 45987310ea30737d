package nl.mensenmakennederland.events;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.PrimingRequest;
import nl.mensenmakennederland.shared.http.Request;
import nl.mensenmakennederland.shared.http.Responses;

/**
 * GET /admin/events?type=&when= (admins): every event, past and closed ones too, by start
 * (earliest first), with its seats and waiting line counted.
 */
public final class ListAdminEventsHandler extends HttpHandler {

    private final EventStore events;
    private final Clock clock;

    public ListAdminEventsHandler() {
        this(new EventStore(AwsClients.dynamoDb(), Env.system().required("EVENTS_TABLE")), Clock.systemUTC());
        primeOnCheckpoint();
    }

    public ListAdminEventsHandler(EventStore events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** An admin reading the whole listing, and one asking for a moment that does not exist (400). */
    @Override
    protected List<PrimingRequest> primingRequests() {
        return List.of(PrimingRequest.to("GET /admin/events").asAdmin(),
                PrimingRequest.to("GET /admin/events").asAdmin().query("when", "priming").expect(400));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        request.requireAdmin();
        Optional<EventType> type = EventFilters.type(request);
        Optional<EventPhase> phase = EventFilters.phase(request);
        Instant now = clock.instant();
        List<AdminEventRow> rows = events.all(type).stream()
                .filter(event -> phase.isEmpty() || event.phase(now) == phase.get())
                .map(event -> AdminEventRow.of(event, now))
                .toList();
        return Responses.json(200, Map.of("events", rows));
    }
}
