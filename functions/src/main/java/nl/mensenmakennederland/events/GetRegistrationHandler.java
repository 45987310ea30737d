package nl.mensenmakennederland.events;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.Request;
import nl.mensenmakennederland.shared.http.Responses;

/** GET /registrations/{id}?token= : the owner's view of a registration, through the mail's link. */
public final class GetRegistrationHandler extends HttpHandler {

    private final RegistrationDesk desk;

    public GetRegistrationHandler() {
        this(RegistrationDesk.fromEnvironment());
    }

    public GetRegistrationHandler(RegistrationDesk desk) {
        this.desk = desk;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        return Responses.json(200, desk.view(request.pathParameter("id"), request.query("token").orElse(null)));
    }
}
