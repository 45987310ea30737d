package nl.mensenmakennederland.shared;

import java.util.List;

/**
 * CSV that Excel opens correctly in the Netherlands: UTF-8 with a byte order mark, {@code ;}
 * between fields, CRLF line ends. Text that a spreadsheet would run as a formula gets an
 * apostrophe in front (CSV injection), wherever a cell might start: see {@link #cell}.
 * Empty cells may be given as null.
 */
public final class SpreadsheetCsv {

    /** What a spreadsheet reads as the start of a formula. */
    private static final String FORMULA_START = "=+-@\t\r";
    /** What a spreadsheet may split a row into cells at: the list separator of any locale, and line ends. */
    private static final String SEPARATORS = ";,\t\r\n";

    private final StringBuilder csv = new StringBuilder("\uFEFF");

    public SpreadsheetCsv row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            csv.append(i == 0 ? "" : ";").append(cell(cells.get(i) == null ? "" : cells.get(i)));
        }
        csv.append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return csv.toString();
    }

    /**
     * One cell, safe in Excel whichever list separator it uses. Opened with {@code ,} instead of
     * {@code ;}, a row splits at every comma, and quoting cannot prevent that: Excel honours a
     * quote only where a cell starts, and then cells start mid-way through ours. So every place
     * a cell may start (the start, and after a separator, past spaces and quotes) is checked, and
     * a formula character there gets an apostrophe in front.
     */
    public static String cell(String value) {
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
}
