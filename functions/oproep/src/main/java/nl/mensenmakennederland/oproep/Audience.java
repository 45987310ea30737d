package nl.mensenmakennederland.oproep;

import java.util.Arrays;
import java.util.Optional;

/** The media a variant of the Oproep is made for. */
public enum Audience {
    LANDELIJK("landelijk"),
    REGIONAAL("regionaal"),
    LOKAAL("lokaal");

    private final String code;

    Audience(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Audience> ofCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }
}
