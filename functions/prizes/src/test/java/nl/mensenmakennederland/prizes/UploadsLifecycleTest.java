package nl.mensenmakennederland.prizes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.testing.SamTemplate;
import org.junit.jupiter.api.Test;

/**
 * What the uploads bucket keeps and how long, as template.yaml tells S3's lifecycle (which moto
 * does not run): a vlog by its retention tag, and nothing forever. Read from the template, against
 * the tags the code writes ({@link VideoRetention}).
 */
class UploadsLifecycleTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load();

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules() {
        Map<String, Object> lifecycle = (Map<String, Object>) TEMPLATE.resource("UploadsBucket").properties().get("LifecycleConfiguration");
        return (List<Map<String, Object>>) lifecycle.get("Rules");
    }

    private static long days(Map<String, Object> rule) {
        return Long.parseLong(String.valueOf(TEMPLATE.resolve(rule.get("ExpirationInDays"))));
    }

    @Test
    void anEntrysVlogGoesAfterThePrizeVideoRetentionAndAWinnersIsKeptLongerButNotForever() {
        Map<String, Object> entries = rules().stream().filter(rule -> rule.containsKey("TagFilters")).findFirst().orElseThrow();
        Map<String, Object> atMost = rules().stream()
                .filter(rule -> rule.containsKey("ExpirationInDays") && !rule.containsKey("TagFilters") && !rule.containsKey("Prefix"))
                .findFirst().orElseThrow();

        assertThat(entries.get("TagFilters")).isEqualTo(List.of(Map.of("Key", VideoRetention.TAG, "Value", VideoRetention.ENTRY.value())));
        assertThat(days(entries)).isEqualTo(Long.parseLong(TEMPLATE.parameter("PrizeVideoRetentionDays")));
        // The rule for everything, winners' vlogs included: S3 applies the shortest rule an object matches.
        assertThat(days(atMost)).isEqualTo(Long.parseLong(TEMPLATE.parameter("PrizeWinnerRetentionDays"))).isGreaterThan(days(entries));
        assertThat(rules()).anySatisfy(rule -> assertThat(rule).containsKey("AbortIncompleteMultipartUpload"));
    }
}
