package nl.mensenmakennederland.digest;

/**
 * One number in the digest, with the same number from the digest before it (null when there was
 * none): {@code key} names it across digests, {@code label} says it in Dutch.
 */
public record Figure(String key, String label, long value, Long previous) {

    /** The change since the digest before, as the mail shows it: "+3", "-1", "=", or "" without one. */
    public String change() {
        if (previous == null) {
            return "";
        }
        long delta = value - previous;
        return delta == 0 ? "=" : delta > 0 ? "+" + delta : Long.toString(delta);
    }
}
