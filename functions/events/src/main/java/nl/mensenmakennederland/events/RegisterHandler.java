package nl.mensenmakennederland.events;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.PrimingRequest;
import nl.mensenmakennederland.shared.http.Problem;
import nl.mensenmakennederland.shared.http.Request;
import nl.mensenmakennederland.shared.http.Responses;

/** POST /events/{id}/registrations : sign up, confirmed or on the waiting list. */
public final class RegisterHandler extends HttpHandler {

    private final RegistrationDesk desk;

    public RegisterHandler() {
        this(RegistrationDesk.fromEnvironment());
        primeOnCheckpoint();
    }

    public RegisterHandler(RegistrationDesk desk) {
        this.desk = desk;
    }

    /** The registration's transaction, offline: no harmless request reaches it. */
    @Override
    protected void rehearse() {
        desk.rehearseRegistration();
    }

    /** A complete form for an event that does not exist: read all the way, refused with 404 before any write. */
    @Override
    protected List<PrimingRequest> primingRequests() {
        return List.of(PrimingRequest.to("POST /events/{id}/registrations")
                .pathParameter("id", "priming-no-such-event")
                .header("idempotency-key", "priming")
                .jsonBody("{\"name\":\"Priming\",\"email\":\"priming@example.org\",\"organisation\":\"Priming\","
                        + "\"municipality\":\"Utrecht\",\"seats\":2,\"consent\":true}")
                .expect(404));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        String eventId = request.pathParameter("id");
        if (!EventStore.isValidId(eventId)) {
            throw Problem.notFound("Deze activiteit bestaat niet (meer).");
        }
        RegistrationForm form = RegistrationForm.parse(request.jsonBody());
        Optional<String> idempotencyKey = request.header("idempotency-key").map(String::trim);
        if (idempotencyKey.isPresent() && !idempotencyKey.get().matches("[\\x21-\\x7e]{1,128}")) {
            throw Problem.invalidParameter("Idempotency-Key", "De Idempotency-Key moet 1 tot 128 zichtbare tekens zijn.");
        }
        RegistrationDesk.Registered registered = desk.register(eventId, form, idempotencyKey);
        return Responses.json(201, registered, Map.of("location", "/registrations/" + registered.registrationId()));
    }
}
