package nl.mensenmakennederland.events;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.time.Clock;
import java.util.Map;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.PrimingRequest;
import nl.mensenmakennederland.shared.http.Problem;
import nl.mensenmakennederland.shared.http.Request;
import nl.mensenmakennederland.shared.http.Responses;

/** GET /events/{id} : one event with its seats left. */
public final class GetEventHandler extends HttpHandler {

    private final EventStore events;
    private final Clock clock;

    public GetEventHandler() {
        this(new EventStore(AwsClients.dynamoDb(), Env.system().required("EVENTS_TABLE")), Clock.systemUTC());
        primeOnCheckpoint();
    }

    public GetEventHandler(EventStore events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** An event that exists, when there is one, so that the whole answer is primed; and one that does not. Reads only. */
    @Override
    protected List<PrimingRequest> primingRequests() {
        List<PrimingRequest> requests = new ArrayList<>();
        events.upcoming(clock.instant(), Optional.empty()).stream().findFirst()
                .ifPresent(known -> requests.add(PrimingRequest.to("GET /events/{id}").pathParameter("id", known.id())));
        requests.add(PrimingRequest.to("GET /events/{id}").pathParameter("id", "priming-no-such-event").expect(404));
        return requests;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        Event event = events.find(request.pathParameter("id"))
                .orElseThrow(() -> Problem.notFound("Deze activiteit bestaat niet (meer)."));
        return Responses.json(200, EventView.of(event, clock.instant()), Map.of("cache-control", "public, max-age=5"));
    }
}
