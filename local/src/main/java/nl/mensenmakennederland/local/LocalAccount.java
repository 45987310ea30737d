package nl.mensenmakennederland.local;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A person in the emulated admin user pool, as the local sign-in page offers them: one per group,
 * two jurors (to see each other's scores), and two who get no further than a real pool lets them.
 */
record LocalAccount(String id, String email, String description, List<String> groups, boolean mfa) {

    static final List<LocalAccount> ALL = List.of(
            new LocalAccount("beheerder", "beheerder@nov.nl", "Campagneteam NOV (beheerders)", List.of("admins"), true),
            new LocalAccount("jurylid-1", "jurylid1@nov.nl", "Jurylid 1 (jury)", List.of("jury"), true),
            new LocalAccount("jurylid-2", "jurylid2@nov.nl", "Jurylid 2 (jury)", List.of("jury"), true),
            new LocalAccount("medewerker", "medewerker@nov.nl", "Medewerker zonder groep", List.of(), true),
            // The pool requires MFA: Cognito gives such an account no tokens until it links an app.
            new LocalAccount("zonder-mfa", "nieuw@nov.nl", "Nieuwe beheerder, nog zonder authenticator-app", List.of("admins"), false));

    static Optional<LocalAccount> byId(String id) {
        return ALL.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** Cognito's {@code sub}: the same person keeps it across sign-ins, so a juror finds their own scores again. */
    String sub() {
        return UUID.nameUUIDFromBytes(("local-account:" + id).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
