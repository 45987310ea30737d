package nl.mensenmakennederland.events;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.UtcTime;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.PrimingRequest;
import nl.mensenmakennederland.shared.http.Problem;
import nl.mensenmakennederland.shared.http.Request;
import nl.mensenmakennederland.shared.http.Responses;
import nl.mensenmakennederland.shared.outbox.MailProblem;

/** GET /admin/events/{id}/registrations (admins): who comes, as JSON or, with Accept: text/csv, for Excel. */
public final class ListRegistrationsHandler extends HttpHandler {

    /** A registration as admins see it. */
    public record Row(String registrationId, String status, int seats, Integer waitlistPosition, String name,
                      String email, String organisation, String municipality, String createdAt, MailTrouble mailProblem) {}

    /** Why the person could not be mailed (bounced, complained, suppressed, rejected), when, and in Dutch. */
    public record MailTrouble(String kind, String at, String text) {

        static MailTrouble of(MailProblem problem) {
            return problem == null ? null
                    : new MailTrouble(problem.kind().code(), UtcTime.format(problem.at()), problem.kind().label());
        }
    }

    private final EventAdmin admin;

    public ListRegistrationsHandler() {
        this(EventAdmin.fromEnvironment());
        primeOnCheckpoint();
    }

    public ListRegistrationsHandler(EventAdmin admin) {
        this.admin = admin;
    }

    /** An admin asking for an event that does not exist: read, 404. */
    @Override
    protected List<PrimingRequest> primingRequests() {
        return List.of(PrimingRequest.to("GET /admin/events/{id}/registrations").pathParameter("id", "priming-no-such-event")
                .asAdmin().header("accept", "text/csv").expect(404));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        request.requireAdmin();
        String eventId = request.pathParameter("id");
        Event event = admin.find(eventId).orElseThrow(() -> Problem.notFound("Deze activiteit bestaat niet (meer)."));
        List<Registration> registrations = admin.registrationsOf(eventId);
        if (request.header("accept").orElse("").contains("text/csv")) {
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(200)
                    .withHeaders(Map.of(
                            "content-type", "text/csv; charset=utf-8",
                            "content-disposition", "attachment; filename=\"aanmeldingen-" + eventId + ".csv\"",
                            "cache-control", "no-store"))
                    .withBody(RegistrationsCsv.render(registrations, event.seats()))
                    .build();
        }
        List<Row> rows = registrations.stream().map(r -> new Row(r.id(), r.status().code(), r.seats(),
                event.seats().positionOf(r.id()).stream().boxed().findFirst().orElse(null), r.name(), r.email(),
                r.organisation(), r.municipality(), UtcTime.format(r.createdAt()), MailTrouble.of(r.mailProblem()))).toList();
        return Responses.json(200, Map.of("eventId", eventId, "registrations", rows));
    }
}
