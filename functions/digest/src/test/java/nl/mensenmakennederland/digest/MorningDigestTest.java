package nl.mensenmakennederland.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import nl.mensenmakennederland.mail.MailCounts;
import nl.mensenmakennederland.oproep.OrgType;
import nl.mensenmakennederland.prizes.Rejection;
import nl.mensenmakennederland.shared.outbox.Outbox;
import nl.mensenmakennederland.shared.outbox.OutboxMail;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.LocalAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The morning digest against moto, over a campaign its jobs made: what it counts, that it goes
 * out once per period, catches up a missed day, and keeps quiet when nothing happened.
 */
@ExtendWith(AwsEmulatorExtension.class)
class MorningDigestTest {

    /** 07:00 in Amsterdam on Wednesday 10 February 2027, when the schedule fires. */
    static final Instant WEDNESDAY_MORNING = Instant.parse("2027-02-10T06:00:00Z");
    static final Instant TUESDAY = Instant.parse("2027-02-09T10:00:00Z");
    static final Instant MONDAY = Instant.parse("2027-02-08T10:00:00Z");
    static final List<String> ADMINS = List.of("campagne@nov.example", "jury-secretariaat@nov.example");

    private LocalAws aws;
    private Campaign campaign;

    @BeforeEach
    void freshCampaign(LocalAws aws) {
        aws.reset();
        this.aws = aws;
        this.campaign = new Campaign(aws);
    }

    private MorningDigest digestAt(Instant now, boolean skipQuiet) {
        return new MorningDigest(aws.clients().dynamoDb(), campaign.tables(),
                new MorningDigest.Settings(ADMINS, skipQuiet, "https://www.mensenmakennederland.nl"),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private List<OutboxMail> mails() {
        return campaign.outbox().stream().map(Outbox::fromItem).filter(mail -> mail.regarding().startsWith("digest/")).toList();
    }

    /** Tuesday's campaign: registrations, a cancellation, a full session, entries, a score, downloads. */
    private void tuesday() {
        campaign.event("kb-werven", "Vrijwilligers werven", Instant.parse("2027-02-12T18:00:00Z"), 10);
        campaign.event("kb-vragen", "Durf te vragen", Instant.parse("2027-03-01T18:00:00Z"), 2);
        campaign.event("kb-najaar", "Najaarsavond", Instant.parse("2026-11-13T18:00:00Z"), 10);
        // Registered in November; its personal data goes 90 days after that evening: on 11 February.
        campaign.register("kb-najaar", "Henk Oud", Instant.parse("2026-11-01T10:00:00Z"));
        String femke = campaign.register("kb-werven", "Femke Maandag", MONDAY);
        for (String name : List.of("Anna Jansen", "Bram de Boer", "Chris Smit")) {
            campaign.register("kb-werven", name, TUESDAY);
        }
        for (String name : List.of("Dirk Visser", "Eva Bakker", "Gijs Wachter")) { // two seats: Gijs waits
            campaign.register("kb-vragen", name, TUESDAY);
        }
        campaign.cancel(femke, TUESDAY.plusSeconds(3600));
        Instant kept = Instant.parse("2027-08-29T22:00:00Z");
        String earlier = campaign.entry("Samen koken", Instant.parse("2027-02-01T10:00:00Z"), null, kept);
        campaign.entry("Iedereen aan tafel", TUESDAY, null, kept);
        campaign.entry("Geen film", TUESDAY, Rejection.NOT_A_VIDEO, kept);
        campaign.score(earlier, "b1f6-anna", TUESDAY);
        LocalDate day = LocalDate.of(2027, 2, 9);
        campaign.download("affiche-a3", day, OrgType.VRIJWILLIGERSCENTRALE, "Zwijndrecht", "v1");
        campaign.download("affiche-a3", day, OrgType.VRIJWILLIGERSCENTRALE, "Zwijndrecht", "v2");
        campaign.download("poster", day, OrgType.GEMEENTE, "Utrecht", "v1");
        campaign.mailed(MailCounts.Kind.SENT, TUESDAY);
        campaign.mailed(MailCounts.Kind.SENT, TUESDAY);
        campaign.mailed(MailCounts.Kind.BOUNCED, TUESDAY);
    }

    @Test
    void theDigestCountsYesterdayAcrossTheCampaignForEveryAdminWithoutPersonalData() {
        tuesday();

        MorningDigest.Outcome outcome = digestAt(WEDNESDAY_MORNING, true).send();

        assertThat(outcome).isEqualTo(new MorningDigest.Sent(new Period(LocalDate.of(2027, 2, 9), LocalDate.of(2027, 2, 9)), 2));
        List<OutboxMail> mails = mails();
        assertThat(mails).extracting(OutboxMail::to).containsExactlyInAnyOrderElementsOf(ADMINS);
        OutboxMail mail = mails.getFirst();
        assertThat(mail.subject()).isEqualTo("Mensen maken Nederland: overzicht van 9 februari");
        assertThat(mail.text()).contains(
                "- Nieuwe aanmeldingen: 6\n", "- Afmeldingen: 1\n", "- Op een wachtlijst: 1\n",
                "- Sessies 90% of meer vol: 1\n", "- Activiteiten in de komende week: 1\n",
                "Vrijwilligers werven (vr 12 feb): 3 van 10 plaatsen (30%), 3 nieuw, 1 afgemeld",
                "Durf te vragen (ma 1 mrt): 2 van 2 plaatsen (100%), 1 op de wachtlijst, 3 nieuw",
                "- Nieuwe inzendingen: 2\n", "- Inzendingen bij de jury: 2\n", "- Nog niet door elk jurylid gescoord: 1\n",
                "- Scores gegeven: 1\n", "- Afgewezen uploads: 1\n", "Afgewezen upload: geen video (1)",
                "- Downloads: 3\n", "- Posters gemaakt: 1\n", "Meeste downloads uit: Zwijndrecht (2), Utrecht (1)",
                "- Verstuurd: 2\n", "- Niet afgeleverd (bounce): 1\n", "- Als spam gemeld: 0\n",
                "- Aanmeldingen die deze week worden verwijderd: 1\n");
        assertThat(mail.html()).contains("<meta name=\"viewport\"", "Overzicht van 9 februari", "<td style=\"padding:.25em 0\">Afmeldingen</td>");
        assertThat(mail.text() + mail.html()).doesNotContain("Anna", "Jansen", "@example.org", "Sanne", "taalcafedebrug");
    }

    @Test
    void theScheduleFiringTwiceOrARetrySendsThePeriodsDigestOnce() {
        tuesday();
        digestAt(WEDNESDAY_MORNING, true).send();

        MorningDigest.Outcome again = digestAt(WEDNESDAY_MORNING.plusSeconds(90), true).send();

        assertThat(again).isEqualTo(new MorningDigest.AlreadySent(LocalDate.of(2027, 2, 9)));
        assertThat(mails()).hasSize(2);
    }

    @Test
    void aMissedDayIsCaughtUpInTheNextDigestAndEachFigureIsComparedWithTheOneBefore() {
        tuesday();
        digestAt(WEDNESDAY_MORNING, true).send();
        campaign.register("kb-werven", "Iris Woensdag", Instant.parse("2027-02-10T12:00:00Z"));
        campaign.register("kb-werven", "Jan Donderdag", Instant.parse("2027-02-11T12:00:00Z"));

        // No digest on Thursday (the schedule did not run); Friday's covers Wednesday and Thursday.
        MorningDigest.Outcome friday = digestAt(Instant.parse("2027-02-12T06:00:00Z"), true).send();

        assertThat(friday).isEqualTo(new MorningDigest.Sent(new Period(LocalDate.of(2027, 2, 10), LocalDate.of(2027, 2, 11)), 2));
        OutboxMail latest = mails().stream().filter(mail -> mail.regarding().equals("digest/2027-02-11")).findFirst().orElseThrow();
        assertThat(latest.subject()).isEqualTo("Mensen maken Nederland: overzicht van 10 februari tot en met 11 februari");
        assertThat(latest.text()).contains("- Nieuwe aanmeldingen: 2 (-4)\n", "- Afmeldingen: 0 (-1)\n",
                "- Op een wachtlijst: 1 (=)\n", "- Inzendingen bij de jury: 2 (=)\n");
    }

    @Test
    void aQuietPeriodSendsNothingUnlessAdminsWantEveryMorning() {
        campaign.event("kb-werven", "Vrijwilligers werven", Instant.parse("2027-02-12T18:00:00Z"), 10);

        MorningDigest.Outcome skipped = digestAt(WEDNESDAY_MORNING, true).send();
        MorningDigest.Outcome everyMorning = digestAt(WEDNESDAY_MORNING.plus(Duration.ofDays(1)), false).send();

        assertThat(skipped).isInstanceOf(MorningDigest.SkippedQuiet.class);
        assertThat(everyMorning).isInstanceOf(MorningDigest.Sent.class);
        assertThat(mails()).hasSize(2).allSatisfy(mail -> assertThat(mail.regarding()).isEqualTo("digest/2027-02-10"));
    }

    @Test
    void thePreviewComposesTheNextDigestAndWritesNothing() {
        tuesday();
        int outboxBefore = campaign.outbox().size();

        MorningDigest.Preview preview = digestAt(WEDNESDAY_MORNING, true).preview();

        assertThat(preview.subject()).isEqualTo("Mensen maken Nederland: overzicht van 9 februari");
        assertThat(preview.digest().values()).containsEntry("events.registrations", 6L).containsEntry("oproep.downloads", 3L);
        assertThat(campaign.outbox()).hasSize(outboxBefore);
        assertThat(digestAt(WEDNESDAY_MORNING, true).send()).isInstanceOf(MorningDigest.Sent.class);
    }

    @Test
    void aDigestRecordHoldsThePeriodAndItsFiguresOnly() {
        tuesday();
        digestAt(WEDNESDAY_MORNING, true).send();

        var records = aws.clients().dynamoDb().scan(r -> r.tableName(aws.name("MailStateTable"))).items().stream()
                .filter(item -> item.get("pk").s().equals("DIGEST")).toList();

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.get("sk").s()).isEqualTo("2027-02-09");
            assertThat(record.keySet()).containsExactlyInAnyOrder("pk", "sk", "firstDay", "values", "quiet", "mails", "createdAt",
                    "expiresAt");
            assertThat(record.get("values").m()).containsKey("prizes.awaiting-scores");
        });
    }
}
