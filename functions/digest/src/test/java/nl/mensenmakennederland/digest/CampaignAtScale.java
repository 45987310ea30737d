package nl.mensenmakennederland.digest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import nl.mensenmakennederland.events.BulkRegistrations;
import nl.mensenmakennederland.oproep.Download;
import nl.mensenmakennederland.oproep.OrgType;
import nl.mensenmakennederland.prizes.Rejection;

/**
 * A whole campaign for the digest's measurement, the morning after a busy day: {@code events}
 * events from three weeks ago to three months ahead, {@code registrations} registrations over
 * the four weeks before (a third of them yesterday; one in fifty cancelled yesterday through the
 * desk), {@code entries} prize entries scored by up to six jurors, and {@code downloads} Oproep
 * downloads, all yesterday. Registrations and downloads are written in bulk into the items
 * their jobs write ({@link BulkRegistrations}, {@code BulkDownloads}), the rest by the jobs' own
 * classes ({@link Campaign}).
 */
final class CampaignAtScale {

    static final Instant MORNING = Instant.parse("2027-02-10T06:00:00Z");
    static final LocalDate YESTERDAY = LocalDate.of(2027, 2, 9);
    static final List<String> VARIANTS = List.of("affiche-a3", "affiche-a4", "social-vierkant", "social-staand", "flyer", "poster");

    /** What the digest should find. */
    record Expected(int registrations, long registeredYesterday, long cancelledYesterday, long entriesYesterday, long downloads) {}

    private final Campaign campaign;
    private final Random random = new Random(20270210);

    CampaignAtScale(Campaign campaign) {
        this.campaign = campaign;
    }

    Expected populate(int events, int registrations, int entries, int downloads) throws IOException {
        List<Instant> starts = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            // Room for everyone registering: no waiting lines.
            Instant startsAt = MORNING.plus(Duration.ofDays(-21 + random.nextInt(111))).plusSeconds(11 * 3600);
            campaign.event("kb-bench-" + i, "Kennisboost " + i, startsAt, 2 * registrations / events + 10);
            starts.add(startsAt);
        }
        List<BulkRegistrations.Planned> planned = new ArrayList<>();
        for (int i = 0; i < registrations; i++) {
            // A third yesterday, the rest over the four weeks before it.
            Instant at = i % 3 == 0 ? Instant.parse("2027-02-09T08:00:00Z").plusSeconds(random.nextInt(12 * 3600))
                    : MORNING.minus(Duration.ofDays(2 + random.nextInt(26)));
            // The desk closes at the start: an event still open then.
            int event;
            do {
                event = random.nextInt(events);
            } while (!at.isBefore(starts.get(event)));
            String name = "Deelnemer " + i;
            planned.add(new BulkRegistrations.Planned("kb-bench-" + event, name,
                    name.toLowerCase().replace(' ', '.') + "@example.org", null, at));
        }
        BulkRegistrations bulk = campaign.bulkRegistrations();
        List<String> ids = new ArrayList<>(bulk.write(planned));
        Collections.shuffle(ids, random);
        Instant evening = Instant.parse("2027-02-09T20:00:00Z");
        int cancelled = registrations / 50;
        for (String id : ids.subList(0, cancelled)) {
            campaign.cancel(id + " " + bulk.token(id), evening);
        }
        long yesterday = planned.stream().filter(p -> !p.createdAt().isBefore(Instant.parse("2027-02-08T23:00:00Z"))).count();

        Instant kept = Instant.parse("2027-08-29T22:00:00Z");
        long entriesYesterday = 0;
        for (int i = 0; i < entries; i++) {
            Instant at = MORNING.minus(Duration.ofDays(1 + random.nextInt(40)));
            entriesYesterday += at.isAfter(Instant.parse("2027-02-08T23:00:00Z")) ? 1 : 0;
            String id = campaign.entry("Vlog " + i, at, i % 10 == 9 ? Rejection.NOT_A_VIDEO : null, kept);
            for (int juror = 0; juror < 6 && i % 10 != 9; juror++) {
                if (random.nextInt(3) > 0) {
                    campaign.score(id, "juror-" + juror, at.plus(Duration.ofDays(1)));
                }
            }
        }

        List<String> municipalities = municipalities();
        OrgType[] orgTypes = OrgType.values();
        List<Download> counted = new ArrayList<>();
        for (int i = 0; i < downloads; i++) {
            String variant = VARIANTS.get(random.nextInt(VARIANTS.size()));
            counted.add(new Download(variant, YESTERDAY, orgTypes[random.nextInt(orgTypes.length)],
                    municipalities.get(random.nextInt(municipalities.size())), false,
                    fingerprint("visitor-" + random.nextInt(downloads / 2), variant)));
        }
        campaign.bulkDownloads(random.nextLong()).count(counted);
        return new Expected(planned.size(), yesterday, cancelled, entriesYesterday, downloads);
    }

    /** As long as the desk's keyed hash of a visitor, a variant and the day. */
    private static String fingerprint(String visitor, String variant) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((visitor + "#" + variant).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The official names, from the list the functions ship. */
    private static List<String> municipalities() throws IOException {
        try (InputStream in = CampaignAtScale.class.getResourceAsStream("/municipalities.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank()).map(line -> line.split("\t")[1]).toList();
        }
    }
}
