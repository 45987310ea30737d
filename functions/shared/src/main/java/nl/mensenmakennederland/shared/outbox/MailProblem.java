package nl.mensenmakennederland.shared.outbox;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import nl.mensenmakennederland.shared.Items;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Why a mail about a record (a registration, a prize entry) did not reach its person, as the mail
 * feedback writes it on that record ({@code mailProblem}, {@code mailProblemAt}) and the admin
 * listings and exports show it. The latest problem wins; the record itself still stands.
 */
public record MailProblem(Kind kind, Instant at) {

    public static final String ATTRIBUTE = "mailProblem";
    public static final String AT_ATTRIBUTE = "mailProblemAt";

    /** What happened, with its code (stored, in JSON) and what an admin reads in a spreadsheet. */
    public enum Kind {
        BOUNCED("bounced", "onbestelbaar"),
        COMPLAINED("complained", "als spam gemeld"),
        REJECTED("rejected", "geweigerd door SES"),
        SUPPRESSED("suppressed", "niet gemaild: adres geblokkeerd na eerdere bounce of klacht");

        private final String code;
        private final String label;

        Kind(String code, String label) {
            this.code = code;
            this.label = label;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        static Optional<Kind> fromCode(String code) {
            return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
        }
    }

    /** The problem a record's item carries, if any. */
    public static Optional<MailProblem> of(Map<String, AttributeValue> item) {
        Instant at = Items.time(item, AT_ATTRIBUTE);
        return Kind.fromCode(Items.string(item, ATTRIBUTE)).filter(kind -> at != null).map(kind -> new MailProblem(kind, at));
    }

    /** Carries the problem over when a job writes its record again whole (a put of what it read). */
    public static void putOn(Map<String, AttributeValue> item, MailProblem problem) {
        if (problem != null) {
            item.put(ATTRIBUTE, Items.s(problem.kind().code()));
            item.put(AT_ATTRIBUTE, Items.time(problem.at()));
        }
    }
}
