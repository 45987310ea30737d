package nl.mensenmakennederland.prizes;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
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

/**
 * POST /prizes/entries : enter a vlog; the answer holds the presigned POST the browser uploads it
 * with. With an {@code Idempotency-Key}, the same form sent again gets the same entry, as the first answer did.
 */
public final class CreateEntryHandler extends HttpHandler {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy 'om' HH:mm",
            Locale.forLanguageTag("nl-NL")).withZone(ZoneId.of("Europe/Amsterdam"));

    private final PrizeDesk desk;

    public CreateEntryHandler() {
        this(PrizeDesk.fromEnvironment());
        primeOnCheckpoint();
    }

    public CreateEntryHandler(PrizeDesk desk) {
        this.desk = desk;
    }

    /** The signing key read, a manage link and an upload signed: what a real entry does before its one write. */
    @Override
    protected void rehearse() {
        desk.links().token(PrimingEntry.ID, desk.retention().entryExpiresAt());
        desk.uploads().forEntry(PrimingEntry.entry());
    }

    /** A complete form without the consent to publish: read all the way, refused with 422, nothing written. */
    @Override
    protected List<PrimingRequest> primingRequests() {
        return List.of(PrimingRequest.to("POST /prizes/entries").jsonBody(PrimingEntry.formWithoutPublication()).expect(422));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        Optional<String> idempotencyKey = request.header("idempotency-key").map(String::trim);
        if (idempotencyKey.isPresent() && !idempotencyKey.get().matches("[\\x21-\\x7e]{1,128}")) {
            throw Problem.invalidParameter("Idempotency-Key", "De Idempotency-Key moet 1 tot 128 zichtbare tekens zijn.");
        }
        EntryForm form = EntryForm.parse(request.jsonBody(), desk.uploads().maxBytes());
        return answer(desk.entering().enter(form, idempotencyKey));
    }

    static APIGatewayV2HTTPResponse answer(Entering.Outcome outcome) {
        return switch (outcome) {
            case Entering.Created created -> {
                Metrics.count(Metric.PRIZE_ENTRY_CREATED);
                yield Responses.json(201, created.answer(), Map.of("location", "/prizes/entries/" + created.answer().entryId()));
            }
            case Entering.EnteredBefore before -> Responses.json(201, before.answer(),
                    Map.of("location", "/prizes/entries/" + before.answer().entryId()));
            case Entering.KeyReused reused -> throw Problem.invalid("Idempotency-Key al gebruikt", List.of(new FieldError(
                    "Idempotency-Key",
                    "Deze sleutel hoort bij een andere inzending. Gebruik voor elke nieuwe inzending een nieuwe sleutel.")));
            case Entering.NotOpenYet early -> {
                Metrics.count(Metric.PRIZE_ENTRY_REFUSED_CLOSED);
                throw Problem.conflict("Inzenden kan nog niet", "Je kunt je vlog insturen vanaf " + when(early.opensAt()) + ".");
            }
            case Entering.Closed closed -> {
                Metrics.count(Metric.PRIZE_ENTRY_REFUSED_CLOSED);
                throw Problem.conflict("Inzenden is gesloten",
                        "De inzendtermijn voor de Nationale Vrijwilligersprijzen is gesloten op " + when(closed.closedAt()) + ".");
            }
        };
    }

    private static String when(Instant instant) {
        return DAY.format(instant);
    }
}
