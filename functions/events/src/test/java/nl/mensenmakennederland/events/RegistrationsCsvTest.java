package nl.mensenmakennederland.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.mensenmakennederland.shared.SpreadsheetCsv;
import org.junit.jupiter.api.Test;

/** The admins' CSV opened as Excel opens it, with the Dutch list separator and with others. */
class RegistrationsCsvTest {

    /** Names and organisations an attacker could register with (the form refuses control characters; the CSV must not rely on it). */
    private static final List<String> PAYLOADS = List.of(
            "x,=cmd|'/C calc'!A0",
            "=HYPERLINK(\"http://evil.example\",\"klik\")",
            "Jansen; =1+1",
            "Bakker, \"=2+5+cmd|' /C calc'!A0\"",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "+31 6 12345678",
            "-2+3+cmd|' /C calc'!A0",
            "x,,@A1",
            "De Vries,\t=1+1",
            "Stichting\t-1+1",
            "Regel\r\n=1+1",
            "\"x\";\"=1+1\"");

    private static String csv() {
        List<Registration> registrations = new ArrayList<>();
        for (int i = 0; i < PAYLOADS.size(); i++) {
            registrations.add(new Registration("reg" + i + "AAAAAAAAAAAAAAAAAA".substring(Integer.toString(i).length()),
                    "exp-2027-02-04-amersfoort", RegistrationStatus.CONFIRMED, 1, PAYLOADS.get(i),
                    "persoon" + i + "@example.nl", PAYLOADS.get(PAYLOADS.size() - 1 - i), "Utrecht",
                    Instant.parse("2026-12-01T10:00:00Z")));
        }
        return RegistrationsCsv.render(registrations, SeatLedger.empty(50));
    }

    @Test
    void noCellIsAFormulaWithTheDutchSemicolonNorWithACommaOrTabAsListSeparator() {
        String csv = csv();

        for (char separator : new char[] {';', ',', '\t'}) {
            List<List<String>> rows = ExcelCsv.parse(csv, separator);
            assertThat(rows).as("rows with %s", separator).isNotEmpty();
            for (List<String> row : rows) {
                for (String cell : row) {
                    assertThat(ExcelCsv.isFormula(cell)).as("cell %s read with separator '%s'", cell, separator).isFalse();
                }
            }
        }
    }

    @Test
    void withTheDutchSeparatorEveryRowKeepsItsCellsAndTheTextStaysReadable() {
        List<List<String>> rows = ExcelCsv.parse(csv(), ';');

        assertThat(rows).hasSize(1 + PAYLOADS.size()).allSatisfy(row -> assertThat(row).hasSize(11));
        assertThat(rows.get(0).get(0)).isEqualTo("\uFEFFAanmelding");
        assertThat(rows.get(1).get(4)).isEqualTo("x,'=cmd|'/C calc'!A0");
        assertThat(rows.get(2).get(4)).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"klik\")");
        assertThat(rows.get(3).get(4)).isEqualTo("Jansen; '=1+1");
        assertThat(rows.get(4).get(4)).isEqualTo("Bakker, \"'=2+5+cmd|' /C calc'!A0\"");
        assertThat(rows.get(11).get(4)).isEqualTo("Regel\r\n'=1+1");
        assertThat(rows.get(1)).contains("bevestigd", "1", "persoon0@example.nl", "Utrecht", "2026-12-01T10:00:00Z");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        assertThat(SpreadsheetCsv.cell("Fatima el Amrani")).isEqualTo("Fatima el Amrani");
        assertThat(SpreadsheetCsv.cell("Buurthuis De Linde, afd. Noord")).isEqualTo("Buurthuis De Linde, afd. Noord");
        assertThat(SpreadsheetCsv.cell("Jan-Willem")).isEqualTo("Jan-Willem");
        assertThat(SpreadsheetCsv.cell("info@buurthuis.nl")).isEqualTo("info@buurthuis.nl");
    }

    /**
     * A CSV reader that behaves as Excel does when it opens a file: a quote is special only where
     * a cell starts; after a closing quote, or inside an unquoted cell, characters are literal up
     * to the next separator or line end.
     */
    static final class ExcelCsv {

        static List<List<String>> parse(String csv, char separator) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean cellStart = true;
            boolean quoted = false;
            for (int i = 0; i < csv.length(); i++) {
                char c = csv.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (cellStart && c == '"') {
                    quoted = true;
                    cellStart = false;
                } else if (c == separator) {
                    row.add(cell.toString());
                    cell.setLength(0);
                    cellStart = true;
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(cell.toString());
                    rows.add(row);
                    row = new ArrayList<>();
                    cell.setLength(0);
                    cellStart = true;
                } else {
                    cell.append(c);
                    cellStart = false;
                }
            }
            if (!row.isEmpty() || cell.length() > 0) {
                row.add(cell.toString());
                rows.add(row);
            }
            return rows;
        }

        /** Whether a spreadsheet would evaluate the cell: a formula character first, even after spaces. */
        static boolean isFormula(String cell) {
            String text = cell.replace("\uFEFF", "");
            if (!text.isEmpty() && "\t\r".indexOf(text.charAt(0)) >= 0) {
                return true;
            }
            text = text.stripLeading();
            return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0;
        }
    }
}
