package nl.mensenmakennederland.events;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import nl.mensenmakennederland.shared.Metrics;
import nl.mensenmakennederland.shared.Metrics.Metric;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.PrimingRequest;
import nl.mensenmakennederland.shared.http.Problem;
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

    /** The promotion mails a larger capacity sends, composed offline: no harmless request reaches them. */
    @Override
    protected void rehearse() {
        RegistrationRehearsal.mails();
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
        return answer(admin.change(request.pathParameter("id"), EventForm.parse(request.jsonBody())), clock.instant());
    }

    static APIGatewayV2HTTPResponse answer(EventAdmin.Change change, Instant now) {
        return switch (change) {
            case EventAdmin.Changed changed -> {
                Metrics.count(Metric.WAITLIST_PROMOTED, changed.promoted());
                yield Responses.json(200, EventView.of(changed.event(), now));
            }
            case EventAdmin.NoSuchEvent none -> throw Problem.notFound("Deze activiteit bestaat niet (meer).");
            case EventAdmin.CapacityBelowConfirmed below -> throw Problem.conflict("Capaciteit te laag", "Er zijn al "
                    + below.confirmedSeats() + " plaatsen bevestigd; de capaciteit kan niet lager worden. Annuleer eerst aanmeldingen.");
            case EventAdmin.WaitlistInUse inUse -> throw Problem.conflict("Wachtlijst in gebruik", "Er staan "
                    + inUse.waiting() + " mensen op de wachtlijst; die kan nu niet uit.");
            case EventAdmin.Busy busy -> throw Problem.busy(2);
        };
    }
}
