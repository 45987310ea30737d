package nl.mensenmakennederland.bench;

/**
 * Makes one invocation of a sample event do its real work: creates the state it needs in the
 * emulator (a registration and its token, an outbox item, ...) and rewrites the event to
 * point at it, so each invocation is a real success, never a 403 or a duplicate.
 */
interface Fixture {

    /** The event JSON for the next invocation. */
    String prepare(String sampleJson);

    /** Whether the invocation did its work, beyond its response (e.g. a mail was sent); null when nothing to check. */
    default String verify() {
        return null;
    }

    Fixture AS_IS = sample -> sample;
}
