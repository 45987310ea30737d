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

    /**
     * A valid link to a registration that does not exist (the key is read, the token checked,
     * the registration looked up: 404), and one with a forged token (403). Nothing is written.
     */
    @Override
    protected List<PrimingRequest> primingRequests() {
        String unknown = "primingprimingpriming0";
        return List.of(
                PrimingRequest.to("GET /registrations/{id}").pathParameter("id", unknown)
                        .query("token", desk.links().token(unknown)).expect(404),
                PrimingRequest.to("GET /registrations/{id}").pathParameter("id", unknown)
                        .query("token", "forged").expect(403));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        return answer(desk.viewing().view(request.pathParameter("id"), request.query("token").orElse(null)));
    }

    static APIGatewayV2HTTPResponse answer(Viewing.Outcome outcome) {
        return switch (outcome) {
            case Viewing.Viewed viewed -> Responses.json(200, viewed.view());
            case ManageLinks.Refused refused -> throw ManageLinkRefusals.refused(refused);
            case ManageLinks.NoSuchRegistration none -> throw ManageLinkRefusals.noSuchRegistration();
            case Viewing.NoSuchEvent none -> throw ManageLinkRefusals.noSuchEvent();
        };
    }
}
