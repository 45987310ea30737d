package nl.mensenmakennederland.prizes;

import java.util.Optional;

/** What the jury scores each vlog on, 1 (weak) to 5 (excellent), as the prize's regulations name it. */
public enum Criterion {
    WELCOME("welcome", "Nieuwe gezichten welkom"),
    EXAMPLE("example", "Voorbeeld voor anderen"),
    ORIGINALITY("originality", "Originaliteit");

    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;

    private final String code;
    private final String label;

    Criterion(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** As the API and the table write it. */
    public String code() {
        return code;
    }

    /** As jurors and exports read it (Dutch). */
    public String label() {
        return label;
    }

    public static Optional<Criterion> of(String code) {
        for (Criterion criterion : values()) {
            if (criterion.code.equals(code)) {
                return Optional.of(criterion);
            }
        }
        return Optional.empty();
    }
}
