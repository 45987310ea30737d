package nl.mensenmakennederland.oproep;

import java.time.LocalDate;

/**
 * One download to count. {@code municipality} is the official name or null; {@code fingerprint}
 * is the visitor's keyed hash for the day, or null when there is none to keep (an automated
 * fetch, or the day's key could not be read).
 */
public record Download(String variantId, LocalDate day, OrgType orgType, String municipality, boolean automated,
                       String fingerprint) {}
