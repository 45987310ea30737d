package nl.mensenmakennederland.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An iCalendar object read as a calendar client reads it (RFC 5545): lines unfolded, each split into name, parameters, value. */
public final class Ics {

    public record Property(String name, String parameters, String value) {}

    private final List<Property> properties;

    private Ics(List<Property> properties) {
        this.properties = properties;
    }

    public static Ics parse(String text) {
        List<Property> properties = new ArrayList<>();
        for (String line : text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int colon = valueStart(line);
            String head = line.substring(0, colon);
            int semicolon = head.indexOf(';');
            properties.add(new Property(semicolon < 0 ? head : head.substring(0, semicolon),
                    semicolon < 0 ? "" : head.substring(semicolon + 1), line.substring(colon + 1)));
        }
        return new Ics(properties);
    }

    /** The colon that ends name and parameters: the first one outside a quoted parameter value. */
    private static int valueStart(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                return i;
            }
        }
        throw new IllegalArgumentException("Not a content line: " + line);
    }

    /** The value of the first property of that name, in the calendar or its event. */
    public Optional<String> value(String name) {
        return property(name).map(Property::value);
    }

    public Optional<Property> property(String name) {
        return properties.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The properties of the (single) VEVENT. */
    public Ics event() {
        int begin = properties.indexOf(new Property("BEGIN", "", "VEVENT"));
        int end = properties.indexOf(new Property("END", "", "VEVENT"));
        if (begin < 0 || end < begin) {
            throw new IllegalStateException("No VEVENT");
        }
        return new Ics(properties.subList(begin + 1, end));
    }
}
