package nl.mensenmakennederland.events;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.List;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.PrimingRequest;
import nl.mensenmakennederland.shared.http.Request;
import nl.mensenmakennederland.shared.http.Responses;

/** PUT /admin/events/{id} (admins): change an event; more capacity promotes from the waiting list. */
public final class UpdateEventHandler extends HttpHandler {

    private final EventAdmin admin;
    private final Clock clock;

    public UpdateEventHandler() {
        this(EventAdmin.fromEnvironment(), Clock.systemUTC());
        primeOnCheckpoint();
    }

    public UpdateEventHandler(EventAdmin admin, Clock clock) {
        this.admin = admin;
        this.clock = clock;
    }

    /** An admin's complete form for an event that does not exist: read, refused with 404, nothing written. */
    @Override
    protected List<PrimingRequest> primingRequests() {
        return List.of(PrimingRequest.to("PUT /admin/events/{id}").pathParameter("id", "priming-no-such-event")
                .asAdmin().jsonBody(EventForms.PRIMING).expect(404));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        request.requireAdmin();
        Event event = admin.change(request.pathParameter("id"), EventForm.parse(request.jsonBody()));
        return Responses.json(200, EventView.of(event, clock.instant()));
    }
}
