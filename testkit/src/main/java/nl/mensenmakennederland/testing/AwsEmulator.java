package nl.mensenmakennederland.testing;

import java.util.List;

/** A local stand-in for AWS that SDK clients can be pointed at. */
public interface AwsEmulator extends AutoCloseable {

    /** A raw MIME mail SES accepted, and the address it was sent to (null: read its To header). */
    record SentMail(String to, String raw) {}

    String endpoint();

    /** The mails SES accepted since the last {@link #reset()}, oldest first, as each emulator keeps them. */
    List<SentMail> sentMails();

    /** Forgets all state: tables, buckets, mails, identities. */
    void reset();

    @Override
    void close();
}
