package nl.mensenmakennederland.digest;

import java.util.List;

/** A part of the digest (events, prize vlogs, Oproep, privacy): its figures, then lines of detail. */
public record Section(String title, List<Figure> figures, List<String> details) {

    public Section {
        figures = List.copyOf(figures);
        details = List.copyOf(details);
    }
}
