package nl.mensenmakennederland.events;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.Metrics;
import nl.mensenmakennederland.shared.Metrics.Metric;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.PrimingRequest;
import nl.mensenmakennederland.shared.http.Problem;
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

    /** The cancellation's and the promotions' mails, composed offline: no harmless request reaches them. */
    @Override
    protected void rehearse() {
        RegistrationRehearsal.mails();
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
                        .query("token", desk.links().token(unknown)).expect(404),
                PrimingRequest.to("DELETE /registrations/{id}").pathParameter("id", unknown)
                        .query("token", "forged").expect(403));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        return answer(desk.cancelling().cancel(request.pathParameter("id"), request.query("token").orElse(null)));
    }

    /** The answer to what cancelling came to, counted for the operators' dashboard. */
    static APIGatewayV2HTTPResponse answer(Cancelling.Outcome outcome) {
        return switch (outcome) {
            case Cancelling.Cancelled cancelled -> {
                Metrics.count(Metric.REGISTRATION_CANCELLED);
                Metrics.count(Metric.WAITLIST_PROMOTED, cancelled.promoted());
                yield cancelledAnswer();
            }
            case Cancelling.AlreadyCancelled again -> cancelledAnswer();
            case ManageLinks.Refused refused -> throw ManageLinkRefusals.refused(refused);
            case ManageLinks.NoSuchRegistration none -> throw ManageLinkRefusals.noSuchRegistration();
            case Cancelling.NoSuchEvent none -> throw ManageLinkRefusals.noSuchEvent();
            case Cancelling.Busy busy -> throw Problem.busy(2);
        };
    }

    private static APIGatewayV2HTTPResponse cancelledAnswer() {
        return Responses.json(200, Map.of("status", RegistrationStatus.CANCELLED.code()));
    }
}
