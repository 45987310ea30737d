package nl.mensenmakennederland.events;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.Optional;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.Problem;
import nl.mensenmakennederland.shared.http.Request;
import nl.mensenmakennederland.shared.http.Responses;

/** POST /events/{id}/registrations : sign up, confirmed or on the waiting list. */
public final class RegisterHandler extends HttpHandler {

    private final RegistrationDesk desk;

    public RegisterHandler() {
        this(RegistrationDesk.fromEnvironment());
    }

    public RegisterHandler(RegistrationDesk desk) {
        this.desk = desk;
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
