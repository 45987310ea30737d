package nl.mensenmakennederland.events;

import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.UtcTime;

/**
 * Registrations as a CSV file that Excel opens correctly in the Netherlands: UTF-8 with a byte
 * order mark, {@code ;} between fields, CRLF line ends. Cells that a spreadsheet would run as a
 * formula get a leading apostrophe (CSV injection).
 */
public final class RegistrationsCsv {

    private static final List<String> HEADER = List.of(
            "Aanmelding", "Status", "Plaatsen", "Wachtlijstplek", "Naam", "E-mail", "Organisatie", "Gemeente", "Aangemeld op (UTC)");

    /** What the statuses are called in the Dutch spreadsheet. */
    private static final Map<RegistrationStatus, String> STATUS = Map.of(
            RegistrationStatus.CONFIRMED, "bevestigd",
            RegistrationStatus.WAITLISTED, "wachtlijst",
            RegistrationStatus.CANCELLED, "geannuleerd");

    private RegistrationsCsv() {}

    public static String render(List<Registration> registrations, SeatLedger seats) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        row(csv, HEADER);
        for (Registration r : registrations) {
            row(csv, List.of(r.id(), STATUS.get(r.status()), Integer.toString(r.seats()),
                    seats.positionOf(r.id()).stream().mapToObj(Integer::toString).findFirst().orElse(""),
                    nullToEmpty(r.name()), nullToEmpty(r.email()), nullToEmpty(r.organisation()),
                    nullToEmpty(r.municipality()), UtcTime.format(r.createdAt())));
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            csv.append(i == 0 ? "" : ";").append(cell(cells.get(i)));
        }
        csv.append("\r\n");
    }

    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.contains(";") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r");
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
