package nl.mensenmakennederland.prizes;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.http.Caller;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.PrimingRequest;
import nl.mensenmakennederland.shared.http.Problem;
import nl.mensenmakennederland.shared.http.Problem.FieldError;
import nl.mensenmakennederland.shared.http.Request;
import nl.mensenmakennederland.shared.http.Responses;

/**
 * PUT /admin/prizes/entries/{id}/status (admins): {@code {"status": "shortlisted" | "nominated" |
 * "winner" | "not-selected", "note": "..."}}, the admins' decision on an entry before the jury.
 */
public final class DecideEntryHandler extends HttpHandler {

    public static final int MAX_NOTE = 1000;

    private final PrizeDesk desk;

    public DecideEntryHandler() {
        this(PrizeDesk.fromEnvironment());
        primeOnCheckpoint();
    }

    public DecideEntryHandler(PrizeDesk desk) {
        this.desk = desk;
    }

    /** A decision on an entry that does not exist: read all the way, looked up, 404, nothing written. */
    @Override
    protected List<PrimingRequest> primingRequests() {
        return List.of(PrimingRequest.to("PUT /admin/prizes/entries/{id}/status").pathParameter("id", PrimingEntry.ID)
                .asAdmin().jsonBody("{\"status\":\"shortlisted\",\"note\":\"Priming\"}").expect(404));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        Caller admin = request.requireAdmin();
        String entryId = request.pathParameter("id");
        JsonNode body = request.jsonBody();
        List<FieldError> errors = new ArrayList<>();
        EntryStatus status = EntryStatus.DECISIONS.stream().filter(s -> s.code().equals(body.path("status").asText()))
                .findFirst().orElse(null);
        if (status == null) {
            errors.add(new FieldError("status", "Kies shortlisted, nominated, winner of not-selected."));
        }
        String note = body.path("note").isTextual() ? body.path("note").asText().strip() : "";
        if (note.length() > MAX_NOTE) {
            errors.add(new FieldError("note", "De toelichting mag hoogstens " + MAX_NOTE + " tekens zijn."));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid("Het besluit is niet compleet", errors);
        }
        return switch (desk.judging().decide(admin, entryId, status, note)) {
            case Judging.Decided decided -> Responses.json(200, Map.of("entryId", entryId, "status", status.code(),
                    "decision", JuryAnswers.decisionOf(decided.entry().decision())));
            case Judging.NotBeforeTheJury gone -> throw JuryAnswers.notBeforeTheJury();
        };
    }
}
