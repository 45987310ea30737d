package nl.mensenmakennederland.events;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.PrimingRequest;
import nl.mensenmakennederland.shared.http.Request;
import nl.mensenmakennederland.shared.http.Responses;

/** POST /admin/events (admins): a new event. */
public final class CreateEventHandler extends HttpHandler {

    private final EventAdmin admin;
    private final Clock clock;

    public CreateEventHandler() {
        this(EventAdmin.fromEnvironment(), Clock.systemUTC());
        primeOnCheckpoint();
    }

    public CreateEventHandler(EventAdmin admin, Clock clock) {
        this.admin = admin;
        this.clock = clock;
    }

    /**
     * An admin's empty form (refused, 422) and, when an event exists, a complete form under that
     * event's id: DynamoDB refuses the conditional put (409), so the write path is primed and
     * nothing is written.
     */
    @Override
    protected List<PrimingRequest> primingRequests() {
        List<PrimingRequest> requests = new ArrayList<>();
        requests.add(PrimingRequest.to("POST /admin/events").asAdmin().jsonBody("{}").expect(422));
        admin.nextEventId(clock.instant()).ifPresent(taken -> requests.add(
                PrimingRequest.to("POST /admin/events").asAdmin().jsonBody(EventForms.primingWithId(taken)).expect(409)));
        return requests;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        request.requireAdmin();
        JsonNode body = request.jsonBody();
        Event event = admin.create(body.path("id").asText(""), EventForm.parse(body));
        return Responses.json(201, EventView.of(event, clock.instant()), Map.of("location", "/events/" + event.id()));
    }
}
