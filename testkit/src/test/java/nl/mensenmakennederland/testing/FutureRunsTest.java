package nl.mensenmakennederland.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The suite must pass on any future date. Tests on a fixed clock are safe by themselves; what
 * runs on the system clock (the deployable-jar test, the local run, the browser test) gets its
 * dates from the seed and the sample events, which {@link SeedData} places ahead of the clock.
 * These checks keep dates out of reach of that placement from coming back.
 */
class FutureRunsTest {

    /** A calendar date that is not part of an ISO-8601 instant (which SeedData moves) nor of an id like kb-2027-01-12-x. */
    static final Pattern BARE_DATE = Pattern.compile("(?<![\\w-])\\d{4}-\\d{2}-\\d{2}(?![\\w-])|\\d{2}/[A-Z][a-z]{2}/\\d{4}");
    /** Epoch seconds from 2001 to 2286. */
    static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{10}");
    /**
     * Timestamps no handler reads: API Gateway's request time, a stream record's creation time,
     * an SQS message's send and receive times, S3's event time, and the TTL attribute DynamoDB
     * (not our code) acts on.
     */
    static final Set<String> UNREAD_TIMESTAMPS = Set.of("time", "timeEpoch", "ApproximateCreationDateTime", "expiresAt",
            "SentTimestamp", "ApproximateFirstReceiveTimestamp", "eventTime");

    @Test
    void sampleEventsCarryNoDateTheHarnessCannotMove() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(RepositoryRoot.path().resolve("events"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                collect(file.getFileName().toString(), Jackson.MAPPER.readTree(file.toFile()), found);
            }
        }
        assertThat(found).as("dates SeedData.moveDates leaves as they are: write them as UTC instants (2027-01-12T18:30:00Z)")
                .isEmpty();
    }

    private static void collect(String path, JsonNode node, List<String> found) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!UNREAD_TIMESTAMPS.contains(field.getKey())) {
                    collect(path + "." + field.getKey(), field.getValue(), found);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "[" + i + "]", node.get(i), found);
            }
        } else if (node.isTextual() && node.asText().startsWith("{")) {
            try {
                collect(path, Jackson.MAPPER.readTree(node.asText()), found);   // a request body
            } catch (IOException notJson) {
                collectDates(path, node.asText(), found);
            }
        } else if (node.isValueNode()) {
            collectDates(path, node.asText(), found);
        }
    }

    private static void collectDates(String path, String value, List<String> found) {
        Matcher date = BARE_DATE.matcher(value);
        while (date.find()) {
            found.add(path + ": " + date.group());
        }
        if (EPOCH_SECONDS.matcher(value).matches()) {
            found.add(path + ": " + value);
        }
    }

    @Test
    void testsOnAFixedClockPlaceTheSeedForThatClock() throws IOException {
        // SeedData's one-argument forms place the seed for the system clock: on a fixed clock they
        // agree today and drift apart once the seed moves.
        Pattern systemPlacement = Pattern.compile("SeedData\\.(events\\(\\)|moveDates\\([^,()]*\\))");
        List<String> offending = new ArrayList<>();
        Path root = RepositoryRoot.path();
        for (String tree : List.of("functions", "testkit/src", "local/src", "bench")) {
            try (Stream<Path> files = Files.walk(root.resolve(tree))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.toString().contains("/target/")).toList()) {
                    String source = Files.readString(file);
                    Matcher placement = systemPlacement.matcher(source);
                    if (source.contains("Clock.fixed(") && placement.find()) {
                        offending.add(root.relativize(file) + ": " + placement.group());
                    }
                }
            }
        }
        assertThat(offending).as("pass the fixed clock's instant to SeedData").isEmpty();
    }
}
