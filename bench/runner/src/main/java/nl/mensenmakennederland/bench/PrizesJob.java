package nl.mensenmakennederland.bench;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.mensenmakennederland.bench.lambda.ExecutionEnvironment;
import nl.mensenmakennederland.prizes.PrizeDesk;
import nl.mensenmakennederland.prizes.SubmissionWindow;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.ParameterStore;
import nl.mensenmakennederland.shared.SigningKey;
import nl.mensenmakennederland.testing.EmulatorClients;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.SamTemplate;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The prizes job's desk on the emulator, configured from the template as its functions are, but
 * with the submission window placed around now (as the seed's events are placed ahead of now),
 * so that entering works on any date: {@link #withWindow} gives the functions the same window.
 * Needs the signing key {@link EventsJob#prepare} puts in Parameter Store.
 */
record PrizesJob(PrizeDesk desk, SubmissionWindow window) {

    static PrizesJob prepare(LocalAws aws) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.DAYS);
        SubmissionWindow window = new SubmissionWindow(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(60)));
        Map<String, String> env = new HashMap<>(aws.template().function("CreateEntryFunction").environment());
        env.putAll(windowVariables(window));
        env.put("AWS_REGION", SamTemplate.REGION);
        env.put("AWS_ENDPOINT_URL", aws.endpoint());
        SigningKey key = new SigningKey(new ParameterStore(UrlConnectionHttpClient.create(), EmulatorClients.CREDENTIALS,
                SamTemplate.REGION, URI.create(aws.endpoint())), env.get("TOKEN_KEY_PARAMETER"));
        PrizeDesk desk = PrizeDesk.wire(PrizeDesk.Settings.fromEnvironment(new Env(env)), aws.clients().dynamoDb(),
                aws.clients().s3(), env.get("PRIZES_TABLE"), env.get("OUTBOX_TABLE"), key,
                EmulatorClients.CREDENTIALS, Clock.systemUTC());
        return new PrizesJob(desk, window);
    }

    /** The function with the template's environment, but this window: the prize round open now. */
    ExecutionEnvironment.Function withWindow(ExecutionEnvironment.Function function) {
        Map<String, String> variables = new LinkedHashMap<>(function.variables());
        variables.putAll(windowVariables(window));
        return new ExecutionEnvironment.Function(function.name(), function.handler(), function.taskRoot(), variables,
                function.memoryMb(), function.timeout());
    }

    /** The window, and the jury's decision a month after it closes. */
    private static Map<String, String> windowVariables(SubmissionWindow window) {
        return Map.of("PRIZES_OPEN_AT", window.opensAt().toString(), "PRIZES_CLOSE_AT", window.closesAt().toString(),
                "PRIZES_JURY_DECIDES_AT", window.closesAt().plus(Duration.ofDays(30)).toString());
    }
}
