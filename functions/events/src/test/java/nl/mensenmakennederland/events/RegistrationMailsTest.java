package nl.mensenmakennederland.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.testing.ApiContract;
import nl.mensenmakennederland.testing.ApiRequests;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.Forms;
import nl.mensenmakennederland.testing.Ics;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.SentMails;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The registration mails as people receive them: composed by the registration functions, sent by
 * the mailer through the outbox stream and SES in moto, read as a mail client reads them.
 */
@ExtendWith(AwsEmulatorExtension.class)
class RegistrationMailsTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    static final String KENNISBOOST = "kb-2027-01-12-vrijwilligers-werven";

    LocalAws aws;
    CampaignBackend backend;

    @BeforeEach
    void freshBackend(LocalAws aws) {
        this.aws = aws;
        this.backend = CampaignBackend.freshWithSeedEvents(aws, CLOCK);
    }

    private JsonNode register(String eventId, String name, String email, int seats) {
        APIGatewayV2HTTPResponse response = ApiContract.call(backend.register, 
                Forms.post(eventId, Forms.registration(name, email, seats), Map.of()));
        assertThat(response.getStatusCode()).isEqualTo(201);
        return ApiRequests.body(response);
    }

    @Test
    void theConfirmationIsDutchWithTheDetailsTheManageLinkAndACalendarInvite() {
        backend.verifySender();
        JsonNode registration = register(KENNISBOOST, "Fatima el Amrani", "fatima@buurthuis.nl", 1);

        backend.deliverMails();

        List<SentMails.Mail> mails = SentMails.to(aws, "fatima@buurthuis.nl");
        assertThat(mails).hasSize(1);
        SentMails.Mail mail = mails.get(0);
        assertThat(mail.subject()).isEqualTo("Je bent aangemeld: Kennisboost: nieuwe vrijwilligers werven via sociale media");
        // 18:30 UTC is 19:30 in Amsterdam in January.
        assertThat(mail.text()).contains("Hoi Fatima el Amrani", "Dinsdag 12 januari 2027, 19:30 – 21:00 uur",
                "https://live.mensenmakennederland.nl/" + KENNISBOOST, registration.get("manageUrl").asText());
        assertThat(mail.html()).contains("href=\"" + registration.get("manageUrl").asText().replace("&", "&amp;") + "\"");
        assertThat(mail.attachments()).hasSize(1);
        SentMails.Attachment invite = mail.attachments().get(0);
        assertThat(invite.filename()).isEqualTo("uitnodiging.ics");
        assertThat(invite.contentType()).startsWith("text/calendar");
        assertThat(invite.content().split("\r\n")).allSatisfy(line ->
                assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        String unfolded = invite.content().replace("\r\n ", ""); // as a calendar reads folded lines
        assertThat(unfolded).contains(
                "UID:" + registration.get("registrationId").asText() + "@mensenmakennederland.nl",
                "DTSTART:20270112T183000Z", "DTEND:20270112T200000Z",
                "LOCATION:https://live.mensenmakennederland.nl/" + KENNISBOOST);
        assertThat(mail.calendar()).as("the alternative a calendar client acts on").isNotNull();
        assertThat(mail.calendar().contentType()).contains("method=REQUEST");
        assertThat(mail.calendar().content()).isEqualTo(invite.content());
    }

    private APIGatewayV2HTTPResponse cancel(JsonNode registration) {
        return ApiContract.call(backend.cancelRegistration, Forms.cancel(
                registration.get("registrationId").asText(), Forms.tokenOf(registration.get("manageUrl").asText())));
    }

    private SentMails.Mail mailTo(String address, String subjectStart) {
        return SentMails.to(aws, address).stream().filter(m -> m.subject().startsWith(subjectStart)).findFirst()
                .orElseThrow(() -> new AssertionError("No mail '" + subjectStart + "' to " + address));
    }

    /** The calendar part a calendar client acts on; the attached file must say the same. */
    private static Ics calendarOf(SentMails.Mail mail, String method) {
        assertThat(mail.calendar()).as(mail.subject()).isNotNull();
        assertThat(mail.calendar().contentType()).contains("method=" + method);
        assertThat(mail.attachments()).extracting(SentMails.Attachment::content).containsExactly(mail.calendar().content());
        Ics ics = Ics.parse(mail.calendar().content());
        assertThat(ics.value("METHOD")).hasValue(method);
        return ics;
    }

    @Test
    void cancellingSendsACancellationThatTakesTheEntryOutOfTheCalendar() {
        backend.verifySender();
        JsonNode registration = register(KENNISBOOST, "Fatima el Amrani", "fatima@buurthuis.nl", 1);
        backend.deliverMails();
        assertThat(cancel(registration).getStatusCode()).isEqualTo(200);

        backend.deliverMails();

        Ics invite = calendarOf(mailTo("fatima@buurthuis.nl", "Je bent aangemeld"), "REQUEST").event();
        SentMails.Mail cancellation = mailTo("fatima@buurthuis.nl", "Je afmelding is verwerkt");
        Ics withdrawn = calendarOf(cancellation, "CANCEL").event();
        assertThat(cancellation.attachments().get(0).filename()).isEqualTo("afmelding.ics");
        assertThat(cancellation.text()).contains("agenda");
        assertThat(withdrawn.value("UID")).isEqualTo(invite.value("UID"))
                .hasValue(registration.get("registrationId").asText() + "@mensenmakennederland.nl");
        assertThat(invite.value("SEQUENCE")).hasValue("0");
        assertThat(Integer.parseInt(withdrawn.value("SEQUENCE").orElseThrow()))
                .isGreaterThan(Integer.parseInt(invite.value("SEQUENCE").orElseThrow()));
        assertThat(invite.value("STATUS")).hasValue("CONFIRMED");
        assertThat(withdrawn.value("STATUS")).hasValue("CANCELLED");
        // A client applies a cancellation only from the entry's organizer, to the attendee it names.
        String sender = backend.env.get("SENDER_ADDRESS");
        assertThat(withdrawn.value("ORGANIZER")).isEqualTo(invite.value("ORGANIZER")).hasValue("mailto:" + sender);
        assertThat(withdrawn.value("ATTENDEE")).isEqualTo(invite.value("ATTENDEE")).hasValue("mailto:fatima@buurthuis.nl");
        assertThat(invite.property("ATTENDEE").orElseThrow().parameters()).contains("CN=\"Fatima el Amrani\"", "PARTSTAT=ACCEPTED");
        assertThat(withdrawn.value("DTSTART")).isEqualTo(invite.value("DTSTART"));
        assertThat(cancellation.calendar().content()).doesNotContain("live.mensenmakennederland.nl");
    }

    @Test
    void aPromotionSendsTheFirstInviteAndLeavingTheLineSendsNone() {
        backend.verifySender();
        Event full = backend.events.find("exp-2027-02-04-amersfoort").orElseThrow();
        backend.events.put(full.withSeats(new SeatLedger(full.seats().capacity(), full.seats().capacity() - 1, List.of(), 1)));
        JsonNode anna = register(full.id(), "Anna", "anna@example.nl", 1);
        JsonNode bram = register(full.id(), "Bram", "bram@example.nl", 1);
        JsonNode cor = register(full.id(), "Cor", "cor@example.nl", 1);
        assertThat(bram.get("status").asText()).isEqualTo("waitlisted");

        cancel(anna);
        cancel(cor);
        backend.deliverMails();
        cancel(bram);
        backend.deliverMails();

        Ics promoted = calendarOf(mailTo("bram@example.nl", "Er is een plek vrij"), "REQUEST").event();
        Ics withdrawn = calendarOf(mailTo("bram@example.nl", "Je afmelding is verwerkt"), "CANCEL").event();
        assertThat(promoted.value("UID")).hasValue(bram.get("registrationId").asText() + "@mensenmakennederland.nl");
        assertThat(withdrawn.value("UID")).isEqualTo(promoted.value("UID"));
        assertThat(Integer.parseInt(withdrawn.value("SEQUENCE").orElseThrow()))
                .isGreaterThan(Integer.parseInt(promoted.value("SEQUENCE").orElseThrow()));
        SentMails.Mail left = mailTo("cor@example.nl", "Je afmelding is verwerkt");
        assertThat(left.text()).contains("wachtlijst");
        assertThat(left.calendar()).as("Cor never had an invite").isNull();
        assertThat(left.attachments()).isEmpty();
    }

    @Test
    void theWaitlistMailGivesThePlaceInLineAndNoInvite() {
        backend.verifySender();
        var event = backend.events.find("exp-2027-02-04-amersfoort").orElseThrow();
        backend.events.put(event.withSeats(new SeatLedger(event.seats().capacity(), event.seats().capacity(), List.of(), 1)));

        register(event.id(), "Bram Jansen", "bram@example.nl", 2);
        backend.deliverMails();

        SentMails.Mail mail = SentMails.to(aws, "bram@example.nl").get(0);
        assertThat(mail.subject()).startsWith("Je staat op de wachtlijst");
        assertThat(mail.text()).contains("wachtlijst", "2 plaatsen", "actuele plek");
        assertThat(mail.attachments()).isEmpty();
    }

    @Test
    void aNameCannotInjectHtmlIntoTheMail() {
        backend.verifySender();
        register(KENNISBOOST, "<img src=x onerror=alert(1)>", "x@example.nl", 1);

        backend.deliverMails();

        assertThat(SentMails.to(aws, "x@example.nl").get(0).html()).doesNotContain("<img").contains("&lt;img");
    }
}
