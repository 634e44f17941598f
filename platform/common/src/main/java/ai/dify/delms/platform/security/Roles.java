package ai.dify.delms.platform.security;

/** The Keycloak realm roles of DELMS, as used in access rules ({@code hasRole(Roles.ADMIN)}). */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String SALES = "sales";
    public static final String ENGINEER = "engineer";
    public static final String PARTNER = "partner";

    /** Every staff role: the roles that may read staff routes. */
    public static final String[] STAFF = {ADMIN, SALES, ENGINEER};

    /** The scope a partner client's token carries for the partner API. */
    public static final String PARTNER_API_SCOPE = "partner-api";

    private Roles() {
    }
}
