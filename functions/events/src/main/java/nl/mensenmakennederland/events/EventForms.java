package nl.mensenmakennederland.events;

/** Event forms as the admin console sends them, for priming the admin routes. */
final class EventForms {

    /** Complete and valid; far in the future. Without an id (create adds one). */
    static final String PRIMING = "{\"type\":\"kennisboost\",\"title\":\"Priming\",\"startsAt\":\"2099-01-01T18:00:00Z\","
            + "\"endsAt\":\"2099-01-01T19:00:00Z\",\"online\":true,\"onlineUrl\":\"https://live.mensenmakennederland.nl/priming\","
            + "\"capacity\":10,\"maxSeatsPerRegistration\":1,\"waitlist\":false}";

    /** The same, to create under {@code id}. */
    static String primingWithId(String id) {
        return "{\"id\":\"" + id + "\"," + PRIMING.substring(1);
    }

    private EventForms() {}
}
