package nl.mensenmakennederland.prizes;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.mensenmakennederland.shared.http.Caller;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.PrimingRequest;
import nl.mensenmakennederland.shared.http.Problem;
import nl.mensenmakennederland.shared.http.Request;
import nl.mensenmakennederland.shared.http.Responses;

/** GET /jury/entries?status=&municipality= (jury, admins): the entries before the jury, and which the caller scored. */
public final class ListJuryEntriesHandler extends HttpHandler {

    private final PrizeDesk desk;

    public ListJuryEntriesHandler() {
        this(PrizeDesk.fromEnvironment());
        primeOnCheckpoint();
    }

    public ListJuryEntriesHandler(PrizeDesk desk) {
        this.desk = desk;
    }

    /** A juror's list of one municipality that enters nothing: the index and the scores read, 200. */
    @Override
    protected List<PrimingRequest> primingRequests() {
        return List.of(PrimingRequest.to("GET /jury/entries").query("municipality", "priming").asMemberOf(Caller.JURY));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        Caller caller = request.requireAnyOf(Caller.JURY, Caller.ADMINS);
        Optional<EntryStatus> status = request.query("status").map(ListJuryEntriesHandler::status);
        Set<String> scored = Set.copyOf(desk.judging().scoredBy(caller));
        List<Map<String, Object>> entries = desk.judging().entries(status, request.query("municipality")).stream()
                .map(entry -> {
                    Map<String, Object> view = JuryAnswers.entry(entry);
                    view.put("scoredByYou", scored.contains(entry.id()));
                    return view;
                }).toList();
        return Responses.json(200, Map.of("entries", entries));
    }

    private static EntryStatus status(String code) {
        return EntryStatus.BEFORE_THE_JURY.stream().filter(status -> status.code().equals(code)).findFirst()
                .orElseThrow(() -> Problem.invalidParameter("status",
                        "Kies submitted, shortlisted, nominated, winner of not-selected."));
    }
}
