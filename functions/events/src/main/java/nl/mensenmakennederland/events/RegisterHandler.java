package nl.mensenmakennederland.events;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.mensenmakennederland.shared.Metrics;
import nl.mensenmakennederland.shared.Metrics.Metric;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.PrimingRequest;
import nl.mensenmakennederland.shared.http.Problem;
import nl.mensenmakennederland.shared.http.Problem.FieldError;
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

    /** The registration's transaction and its mails, offline: no harmless request reaches them. */
    @Override
    protected void rehearse() {
        RegistrationRehearsal.transaction(desk.links());
        RegistrationRehearsal.mails();
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
        return answer(desk.registering().register(eventId, form, idempotencyKey));
    }

    /** The answer to what signing up came to, counted for the operators' dashboard. */
    static APIGatewayV2HTTPResponse answer(Registering.Outcome outcome) {
        return switch (outcome) {
            case Registering.Confirmed confirmed -> {
                Metrics.count(Metric.REGISTRATION_CONFIRMED);
                yield created(confirmed.answer());
            }
            case Registering.Waitlisted waitlisted -> {
                Metrics.count(Metric.REGISTRATION_WAITLISTED);
                Metrics.count(Metric.WAITLIST_PROMOTED, waitlisted.promoted());
                yield created(waitlisted.answer());
            }
            case Registering.AnsweredBefore again -> created(again.answer());
            case Registering.AlreadyRegistered duplicate -> {
                Metrics.count(Metric.REGISTRATION_REFUSED_DUPLICATE);
                throw Problem.conflict("Al aangemeld",
                        "Met dit e-mailadres is al iemand aangemeld voor deze activiteit. In de bevestigingsmail staat "
                                + "de link om die aanmelding te bekijken of te annuleren.");
            }
            case Registering.Full full -> {
                Metrics.count(Metric.REGISTRATION_REFUSED_FULL);
                throw Problem.conflict("Vol",
                        "Deze activiteit is vol en heeft geen wachtlijst. Kijk in de agenda voor een andere datum.");
            }
            case Registering.Closed closed -> {
                Metrics.count(Metric.REGISTRATION_REFUSED_CLOSED);
                throw Problem.conflict("Aanmelden is gesloten", "De aanmelding voor deze activiteit is gesloten.");
            }
            case Registering.NoSuchEvent none -> throw Problem.notFound("Deze activiteit bestaat niet (meer).");
            case Registering.TooManySeats tooMany -> throw Problem.invalid("Te veel plaatsen", List.of(new FieldError("seats",
                    tooMany.maxPerRegistration() == 1
                            ? "Voor deze activiteit meld je alleen jezelf aan (1 plaats)."
                            : "Voor deze activiteit kun je maximaal " + tooMany.maxPerRegistration() + " plaatsen reserveren.")));
            case Registering.KeyReused reused -> throw Problem.invalid("Idempotency-Key al gebruikt", List.of(new FieldError(
                    "Idempotency-Key",
                    "Deze sleutel hoort bij een andere aanmelding. Gebruik voor elke nieuwe aanmelding een nieuwe sleutel.")));
            case Registering.Busy busy -> throw Problem.busy(2);
        };
    }

    private static APIGatewayV2HTTPResponse created(Registering.Registered registered) {
        return Responses.json(201, registered, Map.of("location", "/registrations/" + registered.registrationId()));
    }
}
