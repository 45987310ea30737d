package nl.mensenmakennederland.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.mensenmakennederland.events.RegistrationStore.Outcome;
import nl.mensenmakennederland.events.SeatLedger.Waiting;
import nl.mensenmakennederland.shared.Ids;
import nl.mensenmakennederland.shared.outbox.OutboxMail;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.SeedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The placement rule is stated once, in {@link SeatLedger#confirmsNewcomer}; at commit, when no
 * Java decides any more, the registration's conditional writes check it in DynamoDB. For every
 * ledger around the boundary (seats all but gone, someone waiting or not) exactly the write the
 * rule chooses commits, against moto, and leaves the ledger the rule describes: never overbooked.
 */
@ExtendWith(AwsEmulatorExtension.class)
class PlacementRuleTest {

    static final Clock CLOCK = Clock.fixed(SeedData.WRITTEN_FOR, ZoneOffset.UTC);
    static final int CAPACITY = 3;

    @Test
    void theConditionalWritesCommitExactlyWhereThePlacementRuleSays(LocalAws aws) {
        CampaignBackend backend = CampaignBackend.freshWithSeedEvents(aws, CLOCK);
        Event event = backend.events.find(backend.onlineEvent("exp-plaatsingsregel", CAPACITY, CAPACITY)).orElseThrow();
        List<Waiting> nobody = List.of();
        List<Waiting> oneWaiting = List.of(new Waiting(Ids.random(), 1));
        for (int confirmed = 0; confirmed <= CAPACITY; confirmed++) {
            for (List<Waiting> line : List.of(nobody, oneWaiting)) {
                for (int seats = 1; seats <= CAPACITY; seats++) {
                    SeatLedger ledger = new SeatLedger(CAPACITY, confirmed, line, 7);
                    backend.events.put(event.withSeats(ledger));
                    Event read = backend.events.find(event.id()).orElseThrow();
                    boolean confirms = ledger.confirmsNewcomer(seats);
                    String state = confirmed + " of " + CAPACITY + " confirmed, " + line.size() + " waiting, " + seats + " asked";

                    Registration refused = registration(event, confirms ? RegistrationStatus.WAITLISTED : RegistrationStatus.CONFIRMED, seats);
                    assertThat(write(backend, read, refused)).as("the other write, %s", state).isEqualTo(Outcome.LOST_RACE);
                    Registration placed = registration(event, confirms ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED, seats);
                    assertThat(write(backend, read, placed)).as("the rule's write, %s", state).isEqualTo(Outcome.COMMITTED);

                    List<Waiting> longer = new ArrayList<>(line);
                    longer.add(new Waiting(placed.id(), seats));
                    assertThat(backend.events.find(event.id()).orElseThrow().seats()).as(state).isEqualTo(confirms
                            ? new SeatLedger(CAPACITY, confirmed + seats, line, 8)
                            : new SeatLedger(CAPACITY, confirmed, longer, 8));
                }
            }
        }
    }

    @Test
    void aCapacityChangedSinceTheReadRefusesBothWrites(LocalAws aws) {
        CampaignBackend backend = CampaignBackend.freshWithSeedEvents(aws, CLOCK);
        Event read = backend.events.find(backend.onlineEvent("exp-capaciteit-gewijzigd", CAPACITY, CAPACITY)).orElseThrow();
        backend.events.put(read.withSeats(read.seats().withCapacity(CAPACITY + 1)));

        for (RegistrationStatus status : List.of(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)) {
            RegistrationStore.Result result = backend.registrations.register(read, registration(read, status, 1),
                    List.of(Ids.random()), mail(read, registration(read, status, 1)), Optional.empty(), 0);
            assertThat(result.outcome()).as(status.code()).isEqualTo(Outcome.LOST_RACE);
            assertThat(result.currentEvent().orElseThrow().seats().capacity()).isEqualTo(CAPACITY + 1); // what the retry uses
        }
    }

    private static Outcome write(CampaignBackend backend, Event read, Registration registration) {
        return backend.registrations.register(read, registration, List.of(Ids.random()), mail(read, registration),
                Optional.empty(), read.endsAt().getEpochSecond()).outcome();
    }

    private static Registration registration(Event event, RegistrationStatus status, int seats) {
        String id = Ids.random();
        return new Registration(id, event.id(), status, seats, "Plaatsing " + id, id + "@example.nl", null, null, CLOCK.instant());
    }

    private static OutboxMail mail(Event event, Registration registration) {
        return new RegistrationMails("noreply@mensenmakennederland.nl")
                .compose(RegistrationMails.Kind.CONFIRMED, registration, event, null, CLOCK.instant());
    }
}
