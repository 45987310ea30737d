package nl.mensenmakennederland.bench;

import java.util.List;
import java.util.Locale;

/** Min, median and max of a series. */
record Stats(double min, double median, double max) {

    static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN);
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Stats(sorted.get(0), median, sorted.get(n - 1));
    }

    /** {@code median (min–max)}, rounded to whole units. */
    String cell() {
        return String.format(Locale.ROOT, "%.0f (%.0f–%.0f)", median, min, max);
    }
}
