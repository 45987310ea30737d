package nl.mensenmakennederland.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import nl.mensenmakennederland.shared.Json;
import org.junit.jupiter.api.Test;

/** FilterCriteria patterns against stream records shaped as Lambda delivers them. */
class EventPatternTest {

    private static JsonNode record(String eventName, String pk, String attempts) throws IOException {
        return Json.MAPPER.readTree("""
                {"eventName": "%s", "dynamodb": {"NewImage": {"pk": {"S": "%s"}, "attempts": {"N": "%s"},
                 "tags": {"SS": ["nl", "mail"]}}}}""".formatted(eventName, pk, attempts));
    }

    private static boolean matches(String pattern, JsonNode record) {
        return EventPattern.parse(pattern).matches(record);
    }

    @Test
    void literalValuesAndNestedFields() throws IOException {
        String inserts = "{\"eventName\": [\"INSERT\"]}";
        assertThat(matches(inserts, record("INSERT", "MAIL#1", "0"))).isTrue();
        assertThat(matches(inserts, record("MODIFY", "MAIL#1", "0"))).isFalse();

        String mails = "{\"eventName\": [\"INSERT\", \"MODIFY\"], \"dynamodb\": {\"NewImage\": {\"pk\": {\"S\": [\"MAIL#1\"]}}}}";
        assertThat(matches(mails, record("MODIFY", "MAIL#1", "0"))).isTrue();
        assertThat(matches(mails, record("MODIFY", "MAIL#2", "0"))).isFalse();
    }

    @Test
    void prefixSuffixAndAnythingBut() throws IOException {
        assertThat(matches("{\"dynamodb\": {\"NewImage\": {\"pk\": {\"S\": [{\"prefix\": \"MAIL#\"}]}}}}", record("INSERT", "MAIL#7", "0"))).isTrue();
        assertThat(matches("{\"dynamodb\": {\"NewImage\": {\"pk\": {\"S\": [{\"prefix\": \"MAIL#\"}]}}}}", record("INSERT", "DIGEST#7", "0"))).isFalse();
        assertThat(matches("{\"dynamodb\": {\"NewImage\": {\"pk\": {\"S\": [{\"suffix\": \"#7\"}]}}}}", record("INSERT", "MAIL#7", "0"))).isTrue();
        assertThat(matches("{\"eventName\": [{\"anything-but\": [\"REMOVE\"]}]}", record("INSERT", "MAIL#7", "0"))).isTrue();
        assertThat(matches("{\"eventName\": [{\"anything-but\": \"INSERT\"}]}", record("INSERT", "MAIL#7", "0"))).isFalse();
    }

    @Test
    void existsNumericAndArrays() throws IOException {
        assertThat(matches("{\"dynamodb\": {\"OldImage\": [{\"exists\": false}]}}", record("INSERT", "MAIL#1", "0"))).isTrue();
        assertThat(matches("{\"dynamodb\": {\"NewImage\": {\"pk\": [{\"exists\": true}]}}}", record("INSERT", "MAIL#1", "0"))).isTrue();
        assertThat(matches("{\"dynamodb\": {\"NewImage\": {\"attempts\": {\"N\": [{\"numeric\": [\"<\", 3]}]}}}}", record("INSERT", "M", "2"))).isTrue();
        assertThat(matches("{\"dynamodb\": {\"NewImage\": {\"attempts\": {\"N\": [{\"numeric\": [\">=\", 1, \"<\", 3]}]}}}}", record("INSERT", "M", "3"))).isFalse();
        assertThat(matches("{\"dynamodb\": {\"NewImage\": {\"tags\": {\"SS\": [\"mail\"]}}}}", record("INSERT", "M", "0"))).isTrue();
    }

    @Test
    void aFieldTheRecordLacksDoesNotMatch() throws IOException {
        assertThat(matches("{\"dynamodb\": {\"NewImage\": {\"status\": {\"S\": [\"pending\"]}}}}", record("INSERT", "M", "0"))).isFalse();
    }

    @Test
    void anOperatorTheRunnerDoesNotKnowIsRefusedUpFront() {
        assertThatThrownBy(() -> EventPattern.parse("{\"eventName\": [{\"wildcard\": \"IN*\"}]}"))
                .hasMessageContaining("wildcard");
        assertThatThrownBy(() -> EventPattern.parse("{\"eventName\": \"INSERT\"}")).hasMessageContaining("list its values");
    }
}
