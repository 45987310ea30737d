package nl.mensenmakennederland.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/** A plausible email address (one @, a dotted domain, no spaces), as forms can check it. */
public final class EmailAddress {

    private static final Pattern PLAUSIBLE = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private EmailAddress() {}

    public static boolean isPlausible(String address) {
        return address != null && address.length() <= 254 && PLAUSIBLE.matcher(address).matches();
    }

    /** The form used to recognise the same person twice: trimmed and lower case. */
    public static String normalized(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }
}
