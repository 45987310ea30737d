package nl.mensenmakennederland.shared;

import java.time.Instant;

/**
 * Business metrics in CloudWatch's embedded metric format: one JSON line per count, written where
 * the logs go (stdout, which Lambda ships to CloudWatch Logs, where CloudWatch turns the line into
 * a metric). No client and no network call on the request path. A record carries a count and
 * fixed names only, never personal data; its dimensions are the service and the stage.
 */
public final class Metrics {

    /** What an operator watches. Each counts events; {@link #metricName()} is its name in CloudWatch. */
    public enum Metric {
        REGISTRATION_CONFIRMED("RegistrationConfirmed"),
        REGISTRATION_WAITLISTED("RegistrationWaitlisted"),
        REGISTRATION_REFUSED_FULL("RegistrationRefusedFull"),
        REGISTRATION_REFUSED_CLOSED("RegistrationRefusedClosed"),
        REGISTRATION_REFUSED_DUPLICATE("RegistrationRefusedDuplicate"),
        REGISTRATION_CANCELLED("RegistrationCancelled"),
        WAITLIST_PROMOTED("WaitlistPromoted"),
        PRIZE_ENTRY_CREATED("PrizeEntryCreated"),
        PRIZE_ENTRY_REFUSED_CLOSED("PrizeEntryRefusedClosed"),
        PRIZE_VIDEO_SUBMITTED("PrizeVideoSubmitted"),
        PRIZE_VIDEO_REJECTED("PrizeVideoRejected"),
        PRIZE_ENTRY_WITHDRAWN("PrizeEntryWithdrawn"),
        PRIZE_ENTRY_SCORED("PrizeEntryScored"),
        MAIL_SENT("MailSent"),
        MAIL_FAILED("MailFailed"),
        MAIL_SUPPRESSED("MailSuppressed"),
        MAIL_BOUNCED("MailBounced"),
        MAIL_COMPLAINED("MailComplained"),
        MAIL_DELAYED("MailDelayed"),
        MAIL_REJECTED("MailRejected"),
        OPROEP_DOWNLOADED("OproepDownloaded"),
        OPROEP_AUTOMATED_FETCH("OproepAutomatedFetch"),
        DOWNLOAD_COUNT_QUEUED("DownloadCountQueued"),
        DOWNLOAD_COUNT_LOST("DownloadCountLost"),
        ANSWERED_BUSY("AnsweredBusy");

        private final String metricName;

        Metric(String metricName) {
            this.metricName = metricName;
        }

        public String metricName() {
            return metricName;
        }
    }

    private static final Env ENV = Env.system();
    private static final String NAMESPACE = Json.write(ENV.optional("METRICS_NAMESPACE", "MensenMakenNederland"));
    /** The dimensions' values, and the function's name: not a dimension, but Logs Insights finds a record's function by it. */
    private static final String PROPERTIES = properties(ENV.optional("SERVICE_NAME", "mensen-maken-nederland"),
            ENV.optional("STAGE", "local"), ENV.optional("AWS_LAMBDA_FUNCTION_NAME", null));

    private Metrics() {}

    public static void count(Metric metric) {
        count(metric, 1);
    }

    /**
     * Writes {@code {"_aws":{"Timestamp":…,"CloudWatchMetrics":[{"Namespace":…,"Dimensions":[["Service","Stage"]],
     * "Metrics":[{"Name":…,"Unit":"Count"}]}]},"Service":…,"Stage":…,"<Name>":times}}. Built by
     * hand: Jackson's first serialization of nested lists and maps builds their serializers, which
     * is slow on a request path that SnapStart priming does not reach.
     */
    public static void count(Metric metric, int times) {
        if (times == 0) {
            return; // a count of nothing is no record: it would only add a line to every such request
        }
        String name = metric.metricName();
        Log.line(new StringBuilder(320)
                .append("{\"_aws\":{\"Timestamp\":").append(Instant.now().toEpochMilli())
                .append(",\"CloudWatchMetrics\":[{\"Namespace\":").append(NAMESPACE)
                .append(",\"Dimensions\":[[\"Service\",\"Stage\"]],\"Metrics\":[{\"Name\":\"").append(name)
                .append("\",\"Unit\":\"Count\"}]}]},").append(PROPERTIES)
                .append(",\"").append(name).append("\":").append(times).append('}')
                .toString());
    }

    private static String properties(String service, String stage, String function) {
        StringBuilder properties = new StringBuilder().append("\"Service\":").append(Json.write(service))
                .append(",\"Stage\":").append(Json.write(stage));
        if (function != null) {
            properties.append(",\"function\":").append(Json.write(function));
        }
        return properties.toString();
    }
}
