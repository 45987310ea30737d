package nl.mensenmakennederland.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import nl.mensenmakennederland.shared.EmailAddress;
import nl.mensenmakennederland.shared.Ids;
import nl.mensenmakennederland.shared.ManageToken;
import nl.mensenmakennederland.shared.ManageToken.Refusal;
import nl.mensenmakennederland.shared.SigningKeys;

/**
 * The link in every mail through which a registrant sees or cancels their registration: issued
 * with a {@link ManageToken} that lasts as long as the registration, and checked when opened.
 * Also the address fingerprints that keep one registration per address, under the same keys.
 */
public final class ManageLinks {

    /** What a registration's tokens are signed for. */
    private static final String PURPOSE = "registration";

    /** What opening a link came to. */
    public sealed interface Opening {}

    public record Opened(Registration registration) implements Opening {}

    /** The token does not open this registration: forged, expired, or signed with a key no longer kept. */
    public record Refused(Refusal why) implements Opening, Viewing.Outcome, Cancelling.Outcome {}

    /** No such registration (any more): retention removed it, or the id was never issued. */
    public record NoSuchRegistration() implements Opening, Viewing.Outcome, Cancelling.Outcome {}

    private final Supplier<SigningKeys> keys;
    private final Clock clock;
    private final RegistrationStore registrations;
    private final String siteOrigin;
    private final Duration retention;

    public ManageLinks(Supplier<SigningKeys> keys, Clock clock, RegistrationStore registrations, String siteOrigin,
                       Duration retention) {
        this.keys = keys;
        this.clock = clock;
        this.registrations = registrations;
        this.siteOrigin = siteOrigin;
        this.retention = retention;
    }

    /** Checks the token, then reads the registration it opens. */
    public Opening open(String registrationId, String token) {
        if (!Ids.isWellFormed(registrationId)) {
            return new NoSuchRegistration();
        }
        Optional<Refusal> refusal = ManageToken.refusal(keys.get(), PURPOSE, registrationId, token, clock.instant());
        if (refusal.isPresent()) {
            return new Refused(refusal.get());
        }
        return registrations.find(registrationId).<Opening>map(Opened::new).orElseGet(NoSuchRegistration::new);
    }

    /** The link for a mail, signed with the current key; it expires when the registration's TTL removes it. */
    String url(String registrationId, Event event) {
        return siteOrigin + "/beheer.html?registration=" + registrationId + "&token="
                + ManageToken.issue(keys.get().current(), PURPOSE, registrationId, Instant.ofEpochSecond(expiresAt(event)));
    }

    /** A valid token for a link to {@code registrationId} (for priming: it exists for no registration). */
    public String token(String registrationId) {
        return ManageToken.issue(keys.get().current(), PURPOSE, registrationId, clock.instant().plus(retention));
    }

    /**
     * The address's fingerprint under every key kept, the current key's first: an address
     * registered before a key rotation is recognised (and its marker removed) after it.
     */
    List<String> fingerprints(String email) {
        String normalized = EmailAddress.normalized(email);
        return keys.get().all().stream().map(key -> key.sign("email", normalized)).toList();
    }

    /** Personal data goes a fixed time after the event it was given for. */
    long expiresAt(Event event) {
        return event.endsAt().plus(retention).getEpochSecond();
    }
}
