package nl.mensenmakennederland.events;

import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.UtcTime;

/**
 * Registrations as a CSV file that Excel opens correctly in the Netherlands: UTF-8 with a byte
 * order mark, {@code ;} between fields, CRLF line ends. Text that a spreadsheet would run as a
 * formula gets an apostrophe in front (CSV injection), wherever a cell might start: see {@link #cell}.
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

    /** What a spreadsheet reads as the start of a formula. */
    private static final String FORMULA_START = "=+-@\t\r";
    /** What a spreadsheet may split a row into cells at: the list separator of any locale, and line ends. */
    private static final String SEPARATORS = ";,\t\r\n";

    /**
     * One cell, safe in Excel whichever list separator it uses. Opened with {@code ,} instead of
     * {@code ;}, a row splits at every comma, and quoting cannot prevent that: Excel honours a
     * quote only where a cell starts, and then cells start mid-way through ours. So every place
     * a cell may start (the start, and after a separator, past spaces and quotes) is checked, and
     * a formula character there gets an apostrophe in front; prefixing the whole cell would leave
     * {@code x,=cmd|'/C calc'!A0} a formula after the comma.
     */
    static String cell(String value) {
        StringBuilder safe = new StringBuilder(value.length() + 2);
        boolean cellMayStart = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (cellMayStart && FORMULA_START.indexOf(c) >= 0) {
                safe.append('\'');
            }
            safe.append(c);
            cellMayStart = SEPARATORS.indexOf(c) >= 0 || (cellMayStart && (c == ' ' || c == '"'));
        }
        String text = safe.toString();
        boolean quote = text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
