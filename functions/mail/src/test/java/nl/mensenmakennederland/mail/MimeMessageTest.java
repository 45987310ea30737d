package nl.mensenmakennederland.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.mensenmakennederland.shared.outbox.OutboxMail;
import nl.mensenmakennederland.testing.SentMails;
import org.junit.jupiter.api.Test;

/** The raw message as a mail server and a mail client (Angus Mail) read it. */
class MimeMessageTest {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?[^?]+\\?[BbQq]\\?[^?]*\\?=");

    @Test
    void aLongDutchSubjectIsFoldedIntoEncodedWordsThatDecodeToTheExactTitle() {
        String title = "Kennisboost: één café-avond over vrijwilligerswerk, coöperaties en naïeve ideeën — "
                + "hoe je als stichting in Súdwest-Fryslân, ’s-Hertogenbosch of Nijmegen méér nieuwe gezichten "
                + "écht welkom heet (deel 2)";
        assertThat(title).hasSize(200);
        String subject = "Je bent aangemeld: " + title;

        OutboxMail mail = new OutboxMail("mail-1", "anna@example.nl", subject, "tekst", "<p>tekst</p>", List.of(),
                "registration/1", Instant.parse("2026-12-01T10:00:00Z"));
        String raw = new String(MimeMessage.build("Mensen maken Nederland <noreply@mensenmakennederland.nl>", mail),
                StandardCharsets.UTF_8);

        List<String> headerLines = Arrays.asList(raw.substring(0, raw.indexOf("\r\n\r\n")).split("\r\n"));
        assertThat(headerLines).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(78));
        int subjectLine = headerLines.indexOf(headerLines.stream().filter(l -> l.startsWith("Subject: ")).findFirst().orElseThrow());
        List<String> folded = headerLines.subList(subjectLine + 1, headerLines.size()).stream()
                .takeWhile(line -> line.startsWith(" ")).toList();
        assertThat(folded).as("continuation lines").isNotEmpty();
        Matcher words = ENCODED_WORD.matcher(String.join("\r\n", headerLines.subList(subjectLine, subjectLine + 1 + folded.size())));
        int count = 0;
        while (words.find()) {
            assertThat(words.group().length()).as(words.group()).isLessThanOrEqualTo(75);
            count++;
        }
        assertThat(count).isEqualTo(1 + folded.size());
        assertThat(SentMails.parse("anna@example.nl", raw).subject()).isEqualTo(subject);
    }
}
