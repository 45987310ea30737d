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
 * A function's schedule ({@code Type: Schedule}, or EventBridge Scheduler's {@code ScheduleV2}),
 * run as EventBridge runs it: a {@code rate(...)} expression first one period after start, then
 * every period, with the Scheduled Event as input (or the event's {@code Input}). A
 * {@code cron(...)} schedule does not tick locally (a morning digest at 07:00 is no use to a
 * developer); every schedule can be fired on demand ({@link #fire()}, {@code POST /_local/schedules/<function>}).
 */
final class ScheduleSource implements AutoCloseable {

    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");

    private final LocalFunction function;
    private final String rule;
    private final String expression;
    private final Duration period;
    private final Object input;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("schedule-", 0).factory());

    private ScheduleSource(LocalFunction function, String rule, String expression, Duration period, Object input, Clock clock) {
        this.function = function;
        this.rule = rule;
        this.expression = expression;
        this.period = period;
        this.input = input;
        this.clock = clock;
    }

    /** Whether the schedule ticks locally: a rate expression that is not disabled. */
    static boolean runnable(SamTemplate.FunctionEvent event) {
        return RATE.matcher(expression(event)).matches() && !Boolean.FALSE.equals(event.properties().get("Enabled"))
                && !"DISABLED".equals(event.properties().get("State"));
    }

    /** {@code Schedule}'s expression, or {@code ScheduleV2}'s. */
    static String expression(SamTemplate.FunctionEvent event) {
        return String.valueOf(event.properties().get(event.type().equals("ScheduleV2") ? "ScheduleExpression" : "Schedule"));
    }

    static ScheduleSource of(LocalFunction function, SamTemplate.FunctionEvent event, Clock clock) {
        Matcher rate = RATE.matcher(expression(event));
        Duration period = null;
        if (rate.matches()) {
            long amount = Long.parseLong(rate.group(1));
            period = switch (rate.group(2).replaceAll("s$", "")) {
                case "minute" -> Duration.ofMinutes(amount);
                case "hour" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        return new ScheduleSource(function, function.name() + "-" + event.name(), expression(event), period,
                event.properties().get("Input"), clock);
    }

    Duration period() {
        return period;
    }

    String description() {
        return function.name() + (period != null ? " <- every " + period.toString().substring(2).toLowerCase(Locale.ROOT)
                : " <- " + expression + " (does not tick locally: POST " + ScheduleTriggers.PATH + function.name() + ")");
    }

    /** Ticks, for a rate expression. */
    void start() {
        if (period != null) {
            timer.scheduleAtFixedRate(this::tick, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void tick() {
        try {
            fire();
        } catch (RuntimeException error) {
            Log.error("local.schedule.invoke.failed", error, "function", function.name());
        }
    }

    /** One run: invokes the function with what EventBridge would send; its answer. */
    String fire() {
        return function.invoke(input != null ? String.valueOf(input) : Json.write(scheduledEvent()));
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
