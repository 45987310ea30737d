package nl.mensenmakennederland.digest;

import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.mail.MailCounts;
import nl.mensenmakennederland.mail.MailCounts.Kind;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The mail part: what the mailer sent or held back for a suppressed address, and what SES
 * reported back (bounces, complaints, delays), from the day counts the mail functions keep
 * ({@link MailCounts}; README: Mail feedback).
 */
final class MailActivity {

    private final MailCounts counts;

    MailActivity(DynamoDbClient dynamo, String table) {
        this.counts = new MailCounts(dynamo, table);
    }

    Activity read(Period period, Map<String, Long> previous) {
        Map<Kind, Long> totals = counts.between(period.firstDay(), period.lastDay());
        Figures figures = new Figures(previous)
                .add("mail.sent", "Verstuurd", totals.get(Kind.SENT))
                .add("mail.bounced", "Niet afgeleverd (bounce)", totals.get(Kind.BOUNCED))
                .add("mail.complained", "Als spam gemeld", totals.get(Kind.COMPLAINED))
                .add("mail.delayed", "Vertraagd", totals.get(Kind.DELAYED))
                .add("mail.suppressed", "Niet verstuurd: adres geblokkeerd", totals.get(Kind.SUPPRESSED));
        // Mail that did not arrive is news; mail sent follows what the other parts report.
        boolean trouble = totals.get(Kind.BOUNCED) + totals.get(Kind.COMPLAINED) + totals.get(Kind.SUPPRESSED) > 0;
        return new Activity(new Section("Mail", figures.list(), List.of()), trouble, 0);
    }
}
