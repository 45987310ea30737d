package nl.mensenmakennederland.local;

import java.util.Map;

/** What {@code ./run-local} was asked for: the port of the site and API, default 3000. */
record RunnerOptions(int port) {

    static final int DEFAULT_PORT = 3000;

    /**
     * The prize round's submission window of a local run: open on any day, so the entry form can be
     * tried before 1 January and after 31 March (the template's window holds for every deployment).
     */
    static final String PRIZES_LOCALLY_OPEN_AT = "2020-12-02T00:00:00Z";
    static final String PRIZES_LOCALLY_CLOSE_AT = "2099-12-31T23:00:00Z";

    static RunnerOptions parse(String[] args) {
        int port = DEFAULT_PORT;
        for (int i = 0; i < args.length; i++) {
            if (("--port".equals(args[i]) || "-p".equals(args[i])) && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else {
                throw new IllegalArgumentException("Unknown argument " + args[i] + "; usage: ./run-local [--port 3000]");
            }
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--port must be 1..65535");
        }
        return new RunnerOptions(port);
    }

    String origin() {
        return "http://localhost:" + port;
    }

    /**
     * Template parameters that differ locally: mails link to this site, not the public one; prize
     * entries are taken any day (the jury decides when that window closes); and a digest fired by
     * hand goes out even when nothing happened, so the mailbox shows it.
     */
    Map<String, String> parameterOverrides() {
        return Map.of("SiteOrigin", origin(),
                "PrizeEntriesOpenAt", PRIZES_LOCALLY_OPEN_AT,
                "PrizeEntriesCloseAt", PRIZES_LOCALLY_CLOSE_AT,
                "PrizeJuryDecisionAt", PRIZES_LOCALLY_CLOSE_AT,
                "DigestSkipQuiet", "false");
    }
}
