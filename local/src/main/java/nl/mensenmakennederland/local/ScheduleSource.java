package nl.mensenmakennederland.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.shared.Log;
import nl.mensenmakennederland.testing.SamTemplate;

/**
 * A function's {@code Type: Schedule} event with a {@code rate(...)} expression, run as
 * EventBridge runs it: first one period after start, then every period, with the Scheduled
 * Event as input (or the event's {@code Input}). A {@code cron(...)} schedule is not run locally.
 */
final class ScheduleSource implements AutoCloseable {

    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");

    private final LocalFunction function;
    private final String rule;
    private final Duration period;
    private final Object input;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("schedule-", 0).factory());

    private ScheduleSource(LocalFunction function, String rule, Duration period, Object input, Clock clock) {
        this.function = function;
        this.rule = rule;
        this.period = period;
        this.input = input;
        this.clock = clock;
    }

    /** Whether the runner can run this schedule: a rate expression that is not disabled. */
    static boolean runnable(SamTemplate.FunctionEvent event) {
        return RATE.matcher(String.valueOf(event.properties().get("Schedule"))).matches()
                && !Boolean.FALSE.equals(event.properties().get("Enabled"));
    }

    static ScheduleSource of(LocalFunction function, SamTemplate.FunctionEvent event, Clock clock) {
        Matcher rate = RATE.matcher(String.valueOf(event.properties().get("Schedule")));
        if (!rate.matches()) {
            throw new IllegalArgumentException("Not a rate expression: " + event.properties().get("Schedule"));
        }
        long amount = Long.parseLong(rate.group(1));
        Duration period = switch (rate.group(2).replaceAll("s$", "")) {
            case "minute" -> Duration.ofMinutes(amount);
            case "hour" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        return new ScheduleSource(function, function.name() + "-" + event.name(), period, event.properties().get("Input"), clock);
    }

    Duration period() {
        return period;
    }

    String description() {
        return function.name() + " <- every " + period.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    void start() {
        timer.scheduleAtFixedRate(this::fire, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One tick: invokes the function with what EventBridge would send. */
    void fire() {
        try {
            function.invoke(input != null ? String.valueOf(input) : Json.write(scheduledEvent()));
        } catch (RuntimeException error) {
            Log.error("local.schedule.invoke.failed", error, "function", function.name());
        }
    }

    private ObjectNode scheduledEvent() {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", SamTemplate.ACCOUNT);
        event.put("time", clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        event.put("region", SamTemplate.REGION);
        event.putArray("resources").add("arn:aws:events:" + SamTemplate.REGION + ":" + SamTemplate.ACCOUNT + ":rule/" + rule);
        event.set("detail", Json.MAPPER.createObjectNode());
        return event;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
