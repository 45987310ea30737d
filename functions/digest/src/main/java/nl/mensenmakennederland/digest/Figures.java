package nl.mensenmakennederland.digest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects a section's figures, each beside its value in the digest before ({@code previous}). */
final class Figures {

    private final Map<String, Long> previous;
    private final List<Figure> figures = new ArrayList<>();

    Figures(Map<String, Long> previous) {
        this.previous = previous;
    }

    Figures add(String key, String label, long value) {
        figures.add(new Figure(key, label, value, previous.get(key)));
        return this;
    }

    List<Figure> list() {
        return figures;
    }
}
