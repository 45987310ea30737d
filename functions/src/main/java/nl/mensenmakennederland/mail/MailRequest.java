package nl.mensenmakennederland.mail;

import java.time.Instant;

/**
 * One mail to send, as written to the outbox in the same transaction as the change it
 * announces. It carries everything the mail shows, so the mailer needs no other table and the
 * mail still goes out if the registration is erased meanwhile.
 */
public record MailRequest(
        String id,
        Kind kind,
        String to,
        String name,
        String registrationId,
        EventDetails event,
        int seats,
        String manageUrl,
        Instant createdAt) {

    public enum Kind {
        REGISTRATION_CONFIRMED("registration-confirmed"),
        REGISTRATION_WAITLISTED("registration-waitlisted"),
        REGISTRATION_PROMOTED("registration-promoted"),
        /** Cancelled a confirmed registration: the mail withdraws the calendar invite. */
        REGISTRATION_CANCELLED("registration-cancelled"),
        /** Cancelled while on the waiting list: no invite was ever sent. */
        WAITLIST_LEFT("waitlist-left");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Kind fromCode(String code) {
            for (Kind kind : values()) {
                if (kind.code.equals(code)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("Unknown mail kind " + code);
        }
    }

    /** The event as the mail describes it, a snapshot taken when the mail was requested. */
    public record EventDetails(String id, String title, Instant startsAt, Instant endsAt, String location,
                               boolean online, String onlineUrl) {}
}
