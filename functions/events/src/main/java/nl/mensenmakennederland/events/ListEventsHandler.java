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

/** GET /events?type= : upcoming events, sorted by start, with seats left. */
public final class ListEventsHandler extends HttpHandler {

    private final EventStore events;
    private final Clock clock;

    public ListEventsHandler() {
        this(new EventStore(AwsClients.dynamoDb(), Env.system().required("EVENTS_TABLE")), Clock.systemUTC());
        primeOnCheckpoint();
    }

    public ListEventsHandler(EventStore events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Override
    protected List<PrimingRequest> primingRequests() {
        return List.of(PrimingRequest.to("GET /events"), PrimingRequest.to("GET /events").query("type", "priming").expect(400));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        Optional<EventType> type = EventFilters.type(request);
        Instant now = clock.instant();
        List<EventView> upcoming = events.upcoming(now, type).stream().map(e -> EventView.of(e, now)).toList();
        // Seats change by the second on a busy day: let browsers and CDNs reuse this briefly only.
        return Responses.json(200, Map.of("events", upcoming), Map.of("cache-control", "public, max-age=5"));
    }
}
