package nl.mensenmakennederland.events;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.Request;
import nl.mensenmakennederland.shared.http.Responses;

/** DELETE /registrations/{id}?token= : cancel; frees the seats for the waiting list. Idempotent. */
public final class CancelRegistrationHandler extends HttpHandler {

    private final RegistrationDesk desk;

    public CancelRegistrationHandler() {
        this(RegistrationDesk.fromEnvironment());
    }

    public CancelRegistrationHandler(RegistrationDesk desk) {
        this.desk = desk;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        desk.cancel(request.pathParameter("id"), request.query("token").orElse(null));
        return Responses.json(200, Map.of("status", RegistrationStatus.CANCELLED.code()));
    }
}
