package nl.mensenmakennederland.testing;

/** The sender's identity in the emulator's SES: until it is verified, SES refuses every send, as in an outage. */
public final class SesIdentity {

    private SesIdentity() {}

    /** Verifies the sender's domain, as an operator does once per account. */
    public static void verify(LocalAws aws, String sender) {
        aws.clients().ses().createEmailIdentity(r -> r.emailIdentity(sender.substring(sender.indexOf('@') + 1)));
    }
}
