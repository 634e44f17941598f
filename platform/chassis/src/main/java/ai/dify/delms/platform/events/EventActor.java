package ai.dify.delms.platform.events;

/**
 * The person (or client) behind a change, carried in the envelope of every event the change
 * publishes (CloudEvents extension attributes {@value #SUBJECT}, {@value #USERNAME},
 * {@value #CLIENT_ID}), and on to the events a consumer publishes while applying it. Absent for
 * changes nobody asked for (scheduled jobs).
 *
 * @param subject  the token's {@code sub}
 * @param username its {@code preferred_username}, if any
 * @param clientId the client it was issued to ({@code azp}), if any
 */
public record EventActor(String subject, String username, String clientId) {

    public static final String SUBJECT = "actorsubject";
    public static final String USERNAME = "actorusername";
    public static final String CLIENT_ID = "actorclientid";

    /** The name a change log shows: the user name, else the subject, else the client. */
    public String name() {
        if (username != null && !username.isBlank()) {
            return username;
        }
        return subject != null && !subject.isBlank() ? subject : clientId;
    }

    /** Null when nothing identifies anybody. */
    public static EventActor ofNullable(String subject, String username, String clientId) {
        return isBlank(subject) && isBlank(username) && isBlank(clientId) ? null
                : new EventActor(subject, username, clientId);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
