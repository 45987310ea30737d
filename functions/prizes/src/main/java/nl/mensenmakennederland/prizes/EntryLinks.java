package nl.mensenmakennederland.prizes;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import nl.mensenmakennederland.shared.Ids;
import nl.mensenmakennederland.shared.ManageToken;
import nl.mensenmakennederland.shared.ManageToken.Refusal;
import nl.mensenmakennederland.shared.SigningKeys;

/**
 * The link through which an entrant sees or withdraws their entry, signed as registrations'
 * manage links are ({@link ManageToken}, its own purpose): it lasts as long as the entry is kept.
 */
public final class EntryLinks {

    private static final String PURPOSE = "prize-entry";

    private final Supplier<SigningKeys> keys;
    private final String siteOrigin;

    public EntryLinks(Supplier<SigningKeys> keys, String siteOrigin) {
        this.keys = keys;
        this.siteOrigin = siteOrigin;
    }

    /** The link for the answer and the mails; it expires with the entry. */
    public String url(String entryId, Instant expiresAt) {
        return siteOrigin + "/inzending.html?entry=" + entryId + "&token=" + token(entryId, expiresAt);
    }

    /** A valid token for {@code entryId} until {@code expiresAt} (priming: for an entry that does not exist). */
    public String token(String entryId, Instant expiresAt) {
        return ManageToken.issue(keys.get().current(), PURPOSE, entryId, expiresAt);
    }

    /** Why {@code token} does not open {@code entryId}; empty when it does (an id we never issue is refused as forged). */
    public Optional<Refusal> refusal(String entryId, String token, Instant now) {
        if (!Ids.isWellFormed(entryId)) {
            return Optional.of(Refusal.FORGED);
        }
        return ManageToken.refusal(keys.get(), PURPOSE, entryId, token, now);
    }
}
