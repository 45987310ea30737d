package nl.mensenmakennederland.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.testing.SamTemplate;
import org.junit.jupiter.api.Test;

class ScheduleSourceTest {

    private static SamTemplate.FunctionEvent schedule(String expression) {
        return new SamTemplate.FunctionEvent("EveryQuarterHour", "Schedule", Map.of("Schedule", expression));
    }

    private static LocalFunction scheduled() {
        return LocalFunction.of(new SamTemplate.Function("SweeperFunction",
                FixtureHandlers.Scheduled.class.getName() + "::handleRequest", Map.of(), List.of()));
    }

    @Test
    void aSchedulerCronScheduleDoesNotTickButFiresOnDemand() {
        FixtureHandlers.Scheduled.RECEIVED.clear();
        SamTemplate.FunctionEvent morning = new SamTemplate.FunctionEvent("Morning", "ScheduleV2",
                Map.of("ScheduleExpression", "cron(0 7 * * ? *)", "ScheduleExpressionTimezone", "Europe/Amsterdam"));

        ScheduleSource source = ScheduleSource.of(scheduled(), morning, Clock.systemUTC());
        source.fire();

        assertThat(ScheduleSource.runnable(morning)).isFalse();
        assertThat(source.period()).isNull();
        assertThat(source.description()).contains("cron(0 7 * * ? *)", "POST /_local/schedules/SweeperFunction");
        assertThat(FixtureHandlers.Scheduled.RECEIVED).hasSize(1);
    }

    @Test
    void rateExpressionsRunAndCronOnesAreLeftOut() {
        assertThat(ScheduleSource.of(scheduled(), schedule("rate(15 minutes)"), Clock.systemUTC()).period())
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(ScheduleSource.of(scheduled(), schedule("rate(1 day)"), Clock.systemUTC()).period()).isEqualTo(Duration.ofDays(1));
        assertThat(ScheduleSource.runnable(schedule("rate(1 hour)"))).isTrue();
        assertThat(ScheduleSource.runnable(schedule("cron(0 6 * * ? *)"))).isFalse();
        assertThat(ScheduleSource.runnable(new SamTemplate.FunctionEvent("Off", "Schedule",
                Map.of("Schedule", "rate(1 hour)", "Enabled", false)))).isFalse();
    }

    @Test
    void aTickInvokesTheFunctionWithTheScheduledEventEventBridgeSends() {
        FixtureHandlers.Scheduled.RECEIVED.clear();
        Clock clock = Clock.fixed(Instant.parse("2027-01-12T06:00:00Z"), ZoneOffset.UTC);

        ScheduleSource.of(scheduled(), schedule("rate(15 minutes)"), clock).fire();

        ScheduledEvent event = FixtureHandlers.Scheduled.RECEIVED.getFirst();
        assertThat(event.getDetailType()).isEqualTo("Scheduled Event");
        assertThat(event.getSource()).isEqualTo("aws.events");
        assertThat(event.getTime().getMillis()).isEqualTo(Instant.parse("2027-01-12T06:00:00Z").toEpochMilli());
        assertThat(event.getResources()).containsExactly(
                "arn:aws:events:eu-west-1:123456789012:rule/SweeperFunction-EveryQuarterHour");
    }
}
