package nl.mensenmakennederland.testing;

import static nl.mensenmakennederland.testing.TransformedTemplate.arn;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nl.mensenmakennederland.testing.TransformedTemplate.Grant;
import nl.mensenmakennederland.testing.TransformedTemplate.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Least privilege, checked where it is decided: on the roles of the template after the SAM
 * transform (policy templates and event sources expanded, as CloudFormation deploys them).
 * Each function's role must allow exactly what {@link #DECLARED} says its code calls.
 *
 * <p>The declaration is written here, not derived from the template, so that widening a role
 * takes two deliberate edits: the template and this table (which reads as the review of it).
 * It comes from reading the code: every DynamoDB call of the function's requests and of its
 * SnapStart priming, with a transaction counted item by item (IAM authorizes TransactWriteItems
 * as the PutItem, UpdateItem and DeleteItem it contains). Nothing here can check that a
 * declaration is complete (moto does not enforce IAM); a missing grant shows as AccessDenied
 * in the function's logs and its errors alarm.
 */
class FunctionRolesTest {

    private static final String REGION = SamTemplate.REGION;
    private static final String ACCOUNT = SamTemplate.ACCOUNT;

    static final String EVENTS = arn("dynamodb", REGION, ACCOUNT, "table/EventsTable");
    static final String EVENTS_GSI1 = EVENTS + "/index/gsi1";
    static final String OUTBOX = arn("dynamodb", REGION, ACCOUNT, "table/OutboxTable");
    static final String OUTBOX_STREAM = OUTBOX + "/stream/" + TransformedTemplate.STREAM_LABEL;
    static final String OUTBOX_STREAMS = OUTBOX + "/stream/*";
    static final String OPROEP = arn("dynamodb", REGION, ACCOUNT, "table/OproepTable");
    static final String OPROEP_FILES = "arn:aws:s3:::mmn-dev-oproep-" + ACCOUNT + "-" + REGION + "/variants/*";
    static final String OPROEP_PREVIEWS = "arn:aws:s3:::mmn-dev-oproep-" + ACCOUNT + "-" + REGION + "/previews/*";
    static final String OPROEP_POSTERS = "arn:aws:s3:::mmn-dev-oproep-" + ACCOUNT + "-" + REGION + "/posters/*";
    static final String MAIL_DEAD_LETTERS = arn("sqs", REGION, ACCOUNT, "MailDeadLetters");
    static final String PRIZES = arn("dynamodb", REGION, ACCOUNT, "table/PrizesTable");
    static final String UPLOADS = "arn:aws:s3:::mmn-dev-uploads-123456789012-eu-west-1";
    static final String PRIZES_GSI1 = PRIZES + "/index/gsi1";
    static final String ENTRY_VIDEOS = UPLOADS + "/entries/*";
    static final String UPLOAD_CHECKS = arn("sqs", REGION, ACCOUNT, "UploadChecks");
    static final String SIGNING_KEY = arn("ssm", REGION, ACCOUNT, "parameter/mensenmakennederland/token-signing-key");
    static final String SES_IDENTITIES = arn("ses", REGION, ACCOUNT, "identity/*");
    static final String MAIL_CONFIGURATION_SET = arn("ses", REGION, ACCOUNT, "configuration-set/MailConfigurationSet");
    static final String MAIL_STATE = arn("dynamodb", REGION, ACCOUNT, "table/MailStateTable");
    static final String MAIL_FEEDBACK_QUEUE = arn("sqs", REGION, ACCOUNT, "MailFeedbackQueue");
    /** Only the mail problem (and the key it is found by) may be written on a job's record. */
    static final String ONLY_THE_MAIL_PROBLEM =
            "{\"ForAllValues:StringEquals\":{\"dynamodb:Attributes\":[\"pk\",\"sk\",\"mailProblem\",\"mailProblemAt\"]}}";
    static final String FROM_OUR_SENDER = "{\"StringEquals\":{\"ses:FromAddress\":\"noreply@mensenmakennederland.nl\"}}";
    static final String BASIC_EXECUTION = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

    /** Per function: what its code calls, on what. */
    static final Map<String, Set<Grant>> DECLARED = declared(
            role("ListEventsFunction",
                    on(EVENTS_GSI1, "dynamodb:Query")),
            role("GetEventFunction",
                    on(EVENTS, "dynamodb:GetItem"),
                    on(EVENTS_GSI1, "dynamodb:Query")),                  // priming: the next event
            role("RegisterFunction",
                    on(EVENTS, "dynamodb:GetItem",                        // event, earlier answer, place in line
                            "dynamodb:UpdateItem",                        // transaction: the seat ledger
                            "dynamodb:PutItem"),                          // transaction: registration, marker, answer
                    on(OUTBOX, "dynamodb:PutItem"),                       // transaction: the mail
                    on(SIGNING_KEY, "ssm:GetParameter")),
            role("GetRegistrationFunction",
                    on(EVENTS, "dynamodb:GetItem"),
                    on(SIGNING_KEY, "ssm:GetParameter")),
            role("CancelRegistrationFunction",
                    on(EVENTS, "dynamodb:GetItem", "dynamodb:BatchGetItem", // registration, event, those moving up
                            "dynamodb:UpdateItem",                        // transaction: ledger, registration, promotions
                            "dynamodb:DeleteItem"),                       // transaction: the one-per-address marker
                    on(OUTBOX, "dynamodb:PutItem"),
                    on(SIGNING_KEY, "ssm:GetParameter")),
            role("CreateEventFunction",
                    on(EVENTS, "dynamodb:PutItem"),
                    on(EVENTS_GSI1, "dynamodb:Query")),                  // priming: an id that is taken
            role("UpdateEventFunction",
                    on(EVENTS, "dynamodb:GetItem", "dynamodb:BatchGetItem",
                            "dynamodb:PutItem",                           // the event, compare-and-set
                            "dynamodb:UpdateItem"),                       // transaction: promotions
                    on(OUTBOX, "dynamodb:PutItem"),
                    on(SIGNING_KEY, "ssm:GetParameter")),                // manage links in promotion mails
            role("ListAdminEventsFunction",
                    on(EVENTS_GSI1, "dynamodb:Query")),                  // every event, page after page
            role("GetAdminEventFunction",
                    on(EVENTS, "dynamodb:GetItem")),
            role("ListRegistrationsFunction",
                    on(EVENTS, "dynamodb:GetItem"),
                    on(EVENTS_GSI1, "dynamodb:Query")),
            role("MailerFunction",
                    on(OUTBOX_STREAM, "dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"),
                    on(OUTBOX_STREAMS, "dynamodb:ListStreams"),
                    on(MAIL_DEAD_LETTERS, "sqs:SendMessage"),            // the event source's OnFailure
                    on(OUTBOX, "dynamodb:UpdateItem", "dynamodb:GetItem"), // claim, mark sent, release
                    mailState(),
                    sending()),
            role("WaitlistSettlerFunction",
                    on(EVENTS_GSI1, "dynamodb:Query"),                   // upcoming events
                    on(EVENTS, "dynamodb:GetItem", "dynamodb:BatchGetItem",
                            "dynamodb:UpdateItem"),                       // transaction: ledger and promotions
                    on(OUTBOX, "dynamodb:PutItem"),
                    on(SIGNING_KEY, "ssm:GetParameter")),                // manage links in promotion mails
            role("CreateEntryFunction",
                    on(PRIZES, "dynamodb:GetItem",                        // an Idempotency-Key's answer
                            "dynamodb:PutItem"),                          // transaction: the entry (and that answer)
                    on(SIGNING_KEY, "ssm:GetParameter"),                 // its manage link
                    on(ENTRY_VIDEOS, "s3:PutObject",                     // what the presigned POST it signs allows,
                            "s3:PutObjectTagging")),                      // its retention tag included
            role("PrizeRoundFunction"),                                 // from its configuration: no AWS call
            role("GetEntryFunction",
                    on(PRIZES, "dynamodb:GetItem"),                       // the entry, or when it was withdrawn
                    on(SIGNING_KEY, "ssm:GetParameter")),
            role("WithdrawEntryFunction",
                    on(PRIZES, "dynamodb:GetItem",
                            "dynamodb:Query",                             // its partition: scores, an open upload
                            "dynamodb:DeleteItem",                        // transaction: the entry, its scores
                            "dynamodb:PutItem"),                          // transaction: the moment it was withdrawn
                    on(SIGNING_KEY, "ssm:GetParameter"),
                    on(ENTRY_VIDEOS, "s3:DeleteObject",                   // the video
                            "s3:AbortMultipartUpload")),                  // or the parts uploaded so far
            role("ListJuryEntriesFunction",
                    on(PRIZES_GSI1, "dynamodb:Query")),                  // the entries before the jury; all scores
            role("GetJuryEntryFunction",
                    on(PRIZES, "dynamodb:GetItem", "dynamodb:Query"),     // the entry; its scores
                    on(ENTRY_VIDEOS, "s3:GetObject")),                   // what the link to watch it allows
            role("ScoreEntryFunction",
                    on(PRIZES, "dynamodb:GetItem", "dynamodb:Query",
                            "dynamodb:PutItem",                           // transaction: the score
                            "dynamodb:ConditionCheckItem"),               // transaction: its entry is before the jury
                    on(ENTRY_VIDEOS, "s3:GetObject")),
            role("PrizeRankingFunction",
                    on(PRIZES_GSI1, "dynamodb:Query")),
            role("DecideEntryFunction",
                    on(PRIZES, "dynamodb:GetItem", "dynamodb:PutItem"),
                    on(ENTRY_VIDEOS, "s3:PutObjectTagging")),             // a winner's vlog is kept longer
            role("DigestFunction",
                    on(EVENTS_GSI1, "dynamodb:Query"),                   // the upcoming events
                    on(EVENTS, "dynamodb:Scan"),                          // every registration's event and times (counts)
                    on(PRIZES, "dynamodb:Scan"),                          // the entries' status and times
                    on(PRIZES_GSI1, "dynamodb:Query"),                   // the scores
                    on(OPROEP, "dynamodb:Query"),                         // variants, download counters
                    on(MAIL_STATE, "dynamodb:Query",                      // the last digest
                            "dynamodb:PutItem"),                          // transaction: this period's record
                    on(OUTBOX, "dynamodb:PutItem")),                      // transaction: its mails
            role("DigestPreviewFunction",
                    on(EVENTS_GSI1, "dynamodb:Query"),
                    on(EVENTS, "dynamodb:Scan"),
                    on(PRIZES, "dynamodb:Scan"),
                    on(PRIZES_GSI1, "dynamodb:Query"),
                    on(OPROEP, "dynamodb:Query"),
                    on(MAIL_STATE, "dynamodb:Query")),
            role("BeginUploadFunction",
                    on(PRIZES, "dynamodb:GetItem", "dynamodb:PutItem"),   // the entry; the upload's id
                    on(SIGNING_KEY, "ssm:GetParameter"),
                    on(ENTRY_VIDEOS, "s3:PutObject",                     // CreateMultipartUpload; the part URLs it signs
                            "s3:PutObjectTagging")),                      // the upload's retention tag
            role("UploadProgressFunction",
                    on(PRIZES, "dynamodb:GetItem"),
                    on(SIGNING_KEY, "ssm:GetParameter"),
                    on(ENTRY_VIDEOS, "s3:ListMultipartUploadParts", "s3:PutObject")), // ListParts; fresh part URLs
            role("CompleteUploadFunction",
                    on(PRIZES, "dynamodb:GetItem", "dynamodb:DeleteItem"),
                    on(SIGNING_KEY, "ssm:GetParameter"),
                    on(ENTRY_VIDEOS, "s3:ListMultipartUploadParts", "s3:PutObject", // ListParts; CompleteMultipartUpload
                            "s3:AbortMultipartUpload")),                  // parts over the maximum
            role("AbortUploadFunction",
                    on(PRIZES, "dynamodb:GetItem", "dynamodb:DeleteItem"),
                    on(SIGNING_KEY, "ssm:GetParameter"),
                    on(ENTRY_VIDEOS, "s3:AbortMultipartUpload")),
            role("CheckUploadFunction",
                    on(UPLOAD_CHECKS, "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"), // the event source
                    on(PRIZES, "dynamodb:GetItem",                        // the entry
                            "dynamodb:PutItem"),                          // transaction: the verdict
                    on(OUTBOX, "dynamodb:PutItem"),                       // transaction: its mail
                    on(SIGNING_KEY, "ssm:GetParameter"),                 // the manage link in the mail
                    on(ENTRY_VIDEOS, "s3:GetObject", "s3:DeleteObject"), // ranged reads; a refused file deleted
                    on(UPLOADS, "s3:ListBucket")),                       // a missing key answered 404, not 403
            role("OutboxSweeperFunction",
                    on(OUTBOX, "dynamodb:Scan", "dynamodb:UpdateItem", "dynamodb:GetItem"),
                    mailState(),
                    sending()),
            role("MailFeedbackFunction",
                    on(MAIL_FEEDBACK_QUEUE, "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"), // the event source
                    on(MAIL_STATE, "dynamodb:GetItem",                   // priming: a suppression looked up
                            "dynamodb:PutItem",                           // a suppression; transaction: the event's marker
                            "dynamodb:UpdateItem"),                       // transaction: the day's count
                    markingRecords(),
                    on(SIGNING_KEY, "ssm:GetParameter")),                // the suppression list's hashes
            role("ListVariantsFunction",
                    on(OPROEP, "dynamodb:Query"),                         // the variants
                    on(OPROEP_PREVIEWS, "s3:GetObject")),                // what the presigned preview links allow
            role("DownloadVariantFunction",
                    on(OPROEP, "dynamodb:Query",                          // the variants
                            "dynamodb:GetItem", "dynamodb:PutItem",       // the day's salt; the visitor's marker, a missed count
                            "dynamodb:UpdateItem",                        // the counter
                            "dynamodb:DeleteItem"),                       // yesterday's salt
                    on(OPROEP_FILES, "s3:GetObject")),                   // what the presigned download links allow
            role("DownloadStatsFunction",
                    on(OPROEP, "dynamodb:Query")),                        // every shard of every day
            role("StartVariantUploadFunction",
                    on(OPROEP, "dynamodb:GetItem"),                       // new variant or new version
                    on(OPROEP_FILES, "s3:PutObject"),                    // what the presigned POST allows
                    on(OPROEP_PREVIEWS, "s3:PutObject")),
            role("PutVariantFunction",
                    on(OPROEP, "dynamodb:PutItem"),
                    on(OPROEP_FILES, "s3:GetObject"),                    // HeadObject: the upload is there
                    on(OPROEP_PREVIEWS, "s3:GetObject")),
            role("CreatePosterFunction",
                    on(OPROEP, "dynamodb:GetItem", "dynamodb:PutItem",    // the day's salt; the visitor's marker, a missed count
                            "dynamodb:UpdateItem",                        // the counter
                            "dynamodb:DeleteItem"),                       // yesterday's salt
                    on(OPROEP_POSTERS, "s3:PutObject",                   // the PDF and the PNG
                            "s3:GetObject")),                             // what their presigned links allow
            role("ReplayMissedCountsFunction",
                    on(OPROEP, "dynamodb:Query",                          // the queued counts
                            "dynamodb:PutItem", "dynamodb:UpdateItem",    // transaction: marker, counter
                            "dynamodb:DeleteItem")));                     // transaction: the queued count

    private final TransformedTemplate template = TransformedTemplate.load();

    @Test
    void everyFunctionsRoleAllowsExactlyWhatItsCodeCalls() {
        assertThat(differences(template, DECLARED)).isEmpty();
    }

    @Test
    void logsAreTheOnlyManagedPolicyAndNothingIsAllowedOnEveryResource() {
        for (String function : template.resources("AWS::Lambda::Function")) {
            Role role = template.roleOf(function);
            assertThat(role.managedPolicyArns()).as("%s managed policies", function).containsExactly(BASIC_EXECUTION);
            assertThat(role.grants()).as("%s grants on *", function)
                    .filteredOn(grant -> grant.resource().equals("*"))
                    .allMatch(grant -> grant.action().startsWith("logs:") || grant.action().startsWith("xray:"));
            assertThat(role.grants()).as("%s wildcard actions", function).noneMatch(grant -> grant.action().contains("*"));
        }
    }

    @Test
    void onlyLambdaCanAssumeAFunctionsRole() {
        for (String function : template.resources("AWS::Lambda::Function")) {
            Role role = template.roleOf(function);
            assertThat(role.trustPolicy().path("Statement")).as("%s trust policy", function).hasSize(1);
            var statement = role.trustPolicy().path("Statement").path(0);
            assertThat(template.resolve(statement.path("Principal")))
                    .isIn(Map.of("Service", "lambda.amazonaws.com"), Map.of("Service", List.of("lambda.amazonaws.com")));
            assertThat(template.resolve(statement.path("Action"))).isIn("sts:AssumeRole", List.of("sts:AssumeRole"));
            assertThat(statement.has("Condition")).isFalse();
        }
    }

    /** The check is worth something only if widening a role breaks it: here, a read-only function given CRUD. */
    @Test
    void aCrudPolicyOnAReadOnlyFunctionIsCaught(@TempDir Path dir) throws IOException {
        String original = Files.readString(RepositoryRoot.path().resolve("template.yaml"), StandardCharsets.UTF_8);
        String anchor = "Handler: nl.mensenmakennederland.events.ListEventsHandler::handleRequest\n      Policies:\n";
        assertThat(original).contains(anchor);
        Path widened = dir.resolve("template.yaml");
        Files.writeString(widened, original.replace(anchor,
                anchor + "        - DynamoDBCrudPolicy:\n            TableName: !Ref EventsTable\n"), StandardCharsets.UTF_8);

        List<String> differences = differences(TransformedTemplate.transform(widened), DECLARED);

        assertThat(differences).anyMatch(line -> line.startsWith("ListEventsFunction may dynamodb:DeleteItem on " + EVENTS));
        assertThat(differences).anyMatch(line -> line.startsWith("ListEventsFunction may dynamodb:Scan on " + EVENTS));
        assertThat(differences).allMatch(line -> line.startsWith("ListEventsFunction "));
    }

    /** What the deployed roles allow beyond, or short of, the declaration: one line each, empty when they agree. */
    static List<String> differences(TransformedTemplate template, Map<String, Set<Grant>> declared) {
        List<String> differences = new ArrayList<>();
        List<String> functions = template.resources("AWS::Lambda::Function");
        for (String function : functions) {
            Set<Grant> expected = declared.get(function);
            if (expected == null) {
                differences.add(function + " has no declared role in FunctionRolesTest.DECLARED");
                continue;
            }
            Role role = template.roleOf(function);
            role.problems().forEach(problem -> differences.add(function + ": " + problem));
            for (Grant grant : role.grants()) {
                if (!expected.contains(grant)) {
                    differences.add(function + " may " + grant + " (not declared)");
                }
            }
            for (Grant grant : expected) {
                if (!role.grants().contains(grant)) {
                    differences.add(function + " may not " + grant + " (declared)");
                }
            }
        }
        declared.keySet().stream().filter(name -> !functions.contains(name))
                .forEach(name -> differences.add(name + " is declared but not in the template"));
        return differences;
    }

    private static Set<Grant> on(String resource, String... actions) {
        return onCondition(resource, "", actions);
    }

    private static Set<Grant> onCondition(String resource, String condition, String... actions) {
        Set<Grant> grants = new LinkedHashSet<>();
        Arrays.stream(actions).forEach(action -> grants.add(new Grant(action, resource, condition)));
        return grants;
    }

    /** The mail problem, and only it, on a registration or a prize entry. */
    private static Set<Grant> markingRecords() {
        Set<Grant> grants = new LinkedHashSet<>(onCondition(EVENTS, ONLY_THE_MAIL_PROBLEM, "dynamodb:UpdateItem"));
        grants.addAll(onCondition(PRIZES, ONLY_THE_MAIL_PROBLEM, "dynamodb:UpdateItem"));
        return grants;
    }

    /** What the mailer and the sweeper do beside sending: the suppression list, its key, the counts, a suppressed mail's record. */
    private static Set<Grant> mailState() {
        Set<Grant> grants = new LinkedHashSet<>(on(MAIL_STATE, "dynamodb:GetItem", // a suppression looked up
                "dynamodb:UpdateItem"));                                    // transaction: the day's count
        grants.addAll(on(SIGNING_KEY, "ssm:GetParameter"));                // the suppression list's hashes
        grants.addAll(markingRecords());
        return grants;
    }

    /**
     * Sending mail through SES v2 from our sender only. SendEmail with raw content is authorized
     * as ses:SendRawEmail; ses:SendEmail is allowed too (see template.yaml).
     */
    private static Set<Grant> sending() {
        Set<Grant> grants = new LinkedHashSet<>(onCondition(SES_IDENTITIES, FROM_OUR_SENDER, "ses:SendEmail", "ses:SendRawEmail"));
        // A send naming the configuration set is authorized on it too.
        grants.addAll(onCondition(MAIL_CONFIGURATION_SET, FROM_OUR_SENDER, "ses:SendEmail", "ses:SendRawEmail"));
        return grants;
    }

    @SafeVarargs
    private static Map.Entry<String, Set<Grant>> role(String function, Set<Grant>... grants) {
        Set<Grant> all = new LinkedHashSet<>();
        Stream.of(grants).forEach(all::addAll);
        return Map.entry(function, all);
    }

    @SafeVarargs
    private static Map<String, Set<Grant>> declared(Map.Entry<String, Set<Grant>>... roles) {
        Map<String, Set<Grant>> declared = new LinkedHashMap<>();
        Stream.of(roles).forEach(role -> declared.put(role.getKey(), role.getValue()));
        return declared;
    }
}
