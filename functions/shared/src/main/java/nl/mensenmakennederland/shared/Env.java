package nl.mensenmakennederland.shared;

import java.util.Map;

/** Configuration of a function, read from its environment as template.yaml sets it. */
public record Env(Map<String, String> variables) {

    public static Env system() {
        return new Env(System.getenv());
    }

    public String required(String name) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Environment variable " + name + " is not set");
        }
        return value;
    }

    public String optional(String name, String fallback) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public int integer(String name, int fallback) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
