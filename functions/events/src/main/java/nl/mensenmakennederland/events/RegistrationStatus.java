package nl.mensenmakennederland.events;

public enum RegistrationStatus {
    CONFIRMED("confirmed"),
    WAITLISTED("waitlisted"),
    CANCELLED("cancelled");

    private final String code;

    RegistrationStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static RegistrationStatus fromCode(String code) {
        for (RegistrationStatus status : values()) {
            if (status.code.equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown status " + code);
    }
}
