package nl.mensenmakennederland.digest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The digest of one period: its sections, and whether anything happened in it (new
 * registrations, cancellations, entries, checks, scores, downloads), which a quiet digest lacks.
 */
public record Digest(Period period, List<Section> sections, boolean quiet) {

    public Digest {
        sections = List.copyOf(sections);
    }

    /** Every figure by key, as the next digest compares with. */
    public Map<String, Long> values() {
        Map<String, Long> values = new LinkedHashMap<>();
        sections.forEach(section -> section.figures().forEach(figure -> values.put(figure.key(), figure.value())));
        return values;
    }
}
