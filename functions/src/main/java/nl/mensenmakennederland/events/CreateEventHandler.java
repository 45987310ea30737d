package nl.mensenmakennederland.events;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.PrimingRequest;
import nl.mensenmakennederland.shared.http.Request;
import nl.mensenmakennederland.shared.http.Responses;

/** POST /admin/events (admins): a new event. */
public final class CreateEventHandler extends HttpHandler {

    private final EventAdmin admin;

    public CreateEventHandler() {
        this(EventAdmin.fromEnvironment());
        primeOnCheckpoint();
    }

    public CreateEventHandler(EventAdmin admin) {
        this.admin = admin;
    }

    /** An admin's empty form: checked and refused (422) before anything is written. */
    @Override
    protected List<PrimingRequest> primingRequests() {
        return List.of(PrimingRequest.to("POST /admin/events").asAdmin().jsonBody("{}"));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        request.requireAdmin();
        JsonNode body = request.jsonBody();
        Event event = admin.create(body.path("id").asText(""), EventForm.parse(body));
        return Responses.json(201, EventView.of(event, Clock.systemUTC().instant()), Map.of("location", "/events/" + event.id()));
    }
}
