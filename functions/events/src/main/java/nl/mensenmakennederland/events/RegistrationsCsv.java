package nl.mensenmakennederland.events;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.SpreadsheetCsv;
import nl.mensenmakennederland.shared.UtcTime;

/** Registrations as a CSV file that Excel opens correctly in the Netherlands ({@link SpreadsheetCsv}). */
public final class RegistrationsCsv {

    private static final List<String> HEADER = List.of(
            "Aanmelding", "Status", "Plaatsen", "Wachtlijstplek", "Naam", "E-mail", "Organisatie", "Gemeente", "Aangemeld op (UTC)", "Mailprobleem",
            "Mailprobleem op (UTC)");

    /** What the statuses are called in the Dutch spreadsheet. */
    private static final Map<RegistrationStatus, String> STATUS = Map.of(
            RegistrationStatus.CONFIRMED, "bevestigd",
            RegistrationStatus.WAITLISTED, "wachtlijst",
            RegistrationStatus.CANCELLED, "geannuleerd");

    private RegistrationsCsv() {}

    public static String render(List<Registration> registrations, SeatLedger seats) {
        SpreadsheetCsv csv = new SpreadsheetCsv().row(HEADER);
        for (Registration r : registrations) {
            csv.row(Arrays.asList(r.id(), STATUS.get(r.status()), Integer.toString(r.seats()),
                    seats.positionOf(r.id()).stream().mapToObj(Integer::toString).findFirst().orElse(""),
                    r.name(), r.email(), r.organisation(), r.municipality(), UtcTime.format(r.createdAt()),
                    r.mailProblem() == null ? "" : r.mailProblem().kind().label(),
                    r.mailProblem() == null ? "" : UtcTime.format(r.mailProblem().at())));
        }
        return csv.toString();
    }
}
