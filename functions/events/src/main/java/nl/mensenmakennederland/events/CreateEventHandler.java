package nl.mensenmakennederland.events;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.PrimingRequest;
import nl.mensenmakennederland.shared.http.Problem;
import nl.mensenmakennederland.shared.http.Problem.FieldError;
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
        return answer(admin.create(body.path("id").asText(""), EventForm.parse(body)), clock.instant());
    }

    static APIGatewayV2HTTPResponse answer(EventAdmin.Creation creation, Instant now) {
        return switch (creation) {
            case EventAdmin.Created created -> Responses.json(201, EventView.of(created.event(), now),
                    Map.of("location", "/events/" + created.event().id()));
            case EventAdmin.IdMalformed malformed -> throw Problem.invalid("Ongeldige code", List.of(new FieldError("id",
                    "Gebruik kleine letters, cijfers en streepjes, zoals kb-2027-01-12-vrijwilligers-werven.")));
            case EventAdmin.IdTaken taken -> throw Problem.conflict("Bestaat al",
                    "Er is al een activiteit met de code " + taken.id() + ".");
        };
    }
}
