package nl.mensenmakennederland.events;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.PrimingRequest;
import nl.mensenmakennederland.shared.http.Request;
import nl.mensenmakennederland.shared.http.Responses;

/** GET /registrations/{id}?token= : the owner's view of a registration, through the mail's link. */
public final class GetRegistrationHandler extends HttpHandler {

    private final RegistrationDesk desk;

    public GetRegistrationHandler() {
        this(RegistrationDesk.fromEnvironment());
        primeOnCheckpoint();
    }

    public GetRegistrationHandler(RegistrationDesk desk) {
        this.desk = desk;
    }

    /** A well-formed link with a wrong token: the key is read and the token checked, then 403. */
    @Override
    protected List<PrimingRequest> primingRequests() {
        return List.of(PrimingRequest.to("GET /registrations/{id}").pathParameter("id", "primingprimingpriming0").query("token", "priming"));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        return Responses.json(200, desk.view(request.pathParameter("id"), request.query("token").orElse(null)));
    }
}
