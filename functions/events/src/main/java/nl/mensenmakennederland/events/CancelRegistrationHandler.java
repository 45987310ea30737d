package nl.mensenmakennederland.events;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.PrimingRequest;
import nl.mensenmakennederland.shared.http.Request;
import nl.mensenmakennederland.shared.http.Responses;

/** DELETE /registrations/{id}?token= : cancel; frees the seats for the waiting list. Idempotent. */
public final class CancelRegistrationHandler extends HttpHandler {

    private final RegistrationDesk desk;

    public CancelRegistrationHandler() {
        this(RegistrationDesk.fromEnvironment());
        primeOnCheckpoint();
    }

    public CancelRegistrationHandler(RegistrationDesk desk) {
        this.desk = desk;
    }

    /**
     * A valid link to a registration that does not exist (the key is read, the token checked,
     * the registration looked up: 404), and one with a forged token (403). Nothing is written.
     */
    @Override
    protected List<PrimingRequest> primingRequests() {
        String unknown = "primingprimingpriming0";
        return List.of(
                PrimingRequest.to("DELETE /registrations/{id}").pathParameter("id", unknown)
                        .query("token", desk.manageToken(unknown)).expect(404),
                PrimingRequest.to("DELETE /registrations/{id}").pathParameter("id", unknown)
                        .query("token", "forged").expect(403));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        desk.cancel(request.pathParameter("id"), request.query("token").orElse(null));
        return Responses.json(200, Map.of("status", RegistrationStatus.CANCELLED.code()));
    }
}
