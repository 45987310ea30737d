package nl.mensenmakennederland.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import nl.mensenmakennederland.events.BulkRegistrations;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.EmulatorClients;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.SamTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The registrations counted per event from the parallel scan, against moto: every page of every
 * segment counted, and only each registration's event and times coming back.
 */
@ExtendWith(AwsEmulatorExtension.class)
class RegistrationTallyTest {

    static final Instant WEDNESDAY_MORNING = Instant.parse("2027-02-10T06:00:00Z");
    static final Instant MONDAY = Instant.parse("2027-02-08T10:00:00Z");
    static final Instant TUESDAY = Instant.parse("2027-02-09T10:00:00Z");
    static final Period TUESDAY_ONLY = new Period(LocalDate.of(2027, 2, 9), LocalDate.of(2027, 2, 9));

    /** What the scans answered: each page's segment, and the attributes of the items on it. */
    private final List<Integer> pages = new ArrayList<>();
    private final List<Set<String>> attributes = new ArrayList<>();

    private LocalAws aws;
    private Campaign campaign;

    @BeforeEach
    void freshCampaign(LocalAws aws) {
        aws.reset();
        this.aws = aws;
        this.campaign = new Campaign(aws);
        campaign.event("kb-werven", "Vrijwilligers werven", Instant.parse("2027-02-12T18:00:00Z"), 300);
        campaign.event("kb-vragen", "Durf te vragen", Instant.parse("2027-03-01T18:00:00Z"), 300);
        campaign.event("kb-najaar", "Najaarsavond", Instant.parse("2026-11-13T18:00:00Z"), 100);
    }

    private Map<String, RegistrationTally.Counts> tally() {
        DynamoDbClient watched = AwsClients.configure(DynamoDbClient.builder(), SamTemplate.REGION, EmulatorClients.CREDENTIALS,
                aws.endpoint()).overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void afterExecution(Context.AfterExecution context, ExecutionAttributes executionAttributes) {
                        if (context.request() instanceof ScanRequest scan && context.response() instanceof ScanResponse page) {
                            synchronized (pages) {
                                pages.add(scan.segment());
                                page.items().forEach(item -> attributes.add(item.keySet()));
                            }
                        }
                    }
                })).build();
        return new RegistrationTally(watched, aws.name("EventsTable")).byEvent(TUESDAY_ONLY, WEDNESDAY_MORNING,
                WEDNESDAY_MORNING.plusSeconds(7 * 24 * 3600));
    }

    private static List<BulkRegistrations.Planned> planned(String eventId, int count, Instant at, String organisation) {
        return IntStream.range(0, count).mapToObj(i -> new BulkRegistrations.Planned(eventId, "Deelnemer " + eventId + " " + i,
                "deelnemer." + i + "@" + eventId + ".example.org", organisation, at)).toList();
    }

    @Test
    void everyRegistrationIsCountedWithItsEventWhenEachSegmentSpansSeveralPages() {
        // 200 registrations of some 40 KB (an organisation's long name): 8 MB, 1 MB a page.
        String organisation = "Stichting Welzijn ".repeat(2300);
        BulkRegistrations bulk = campaign.bulkRegistrations();
        List<String> tuesday = bulk.write(planned("kb-werven", 80, TUESDAY, organisation));
        bulk.write(planned("kb-werven", 40, MONDAY, organisation));
        bulk.write(planned("kb-vragen", 60, MONDAY, organisation));
        // Their retention ends 90 days after that evening: on 11 February, in the coming week.
        bulk.write(planned("kb-najaar", 20, Instant.parse("2026-11-01T10:00:00Z"), organisation));
        campaign.cancel(tuesday.getFirst() + " " + bulk.token(tuesday.getFirst()), TUESDAY.plusSeconds(3600));

        Map<String, RegistrationTally.Counts> counted = tally();

        assertThat(counted).containsOnly(
                Map.entry("kb-werven", new RegistrationTally.Counts(80, 1, 0)),
                Map.entry("kb-vragen", RegistrationTally.Counts.NONE),
                Map.entry("kb-najaar", new RegistrationTally.Counts(0, 0, 20)));
        assertThat(pages).as("pages read per segment").containsOnly(0, 1, 2, 3)
                .allSatisfy(segment -> assertThat(pages.stream().filter(segment::equals).count()).isGreaterThan(1));
    }

    @Test
    void theScanAnswersEachRegistrationsEventAndTimesOnly() {
        String anna = campaign.register("kb-werven", "Anna Jansen", TUESDAY);
        campaign.register("kb-vragen", "Bram de Boer", MONDAY);
        campaign.cancel(anna, TUESDAY.plusSeconds(60));

        Map<String, RegistrationTally.Counts> counted = tally();

        assertThat(counted).containsOnly(Map.entry("kb-werven", new RegistrationTally.Counts(1, 1, 0)),
                Map.entry("kb-vragen", RegistrationTally.Counts.NONE));
        assertThat(attributes).hasSize(2).allSatisfy(names ->
                assertThat(names).isSubsetOf("eventId", "createdAt", "cancelledAt", "expiresAt").contains("eventId", "createdAt"));
    }
}
