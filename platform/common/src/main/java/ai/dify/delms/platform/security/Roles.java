package ai.dify.delms.platform.security;

/** The Keycloak realm roles of DELMS, as used in access rules ({@code hasRole(Roles.ADMIN)}). */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String SALES = "sales";
    public static final String ENGINEER = "engineer";
    public static final String PARTNER = "partner";

    /** Every staff role: the roles that may read staff routes. */
    public static final String[] STAFF = {ADMIN, SALES, ENGINEER};

    /**
     * Method security expressions for the checks a path rule cannot make, one style everywhere:
     * {@code @PreAuthorize(Roles.ADMIN_ONLY)} on the application service's method.
     */
    public static final String ADMIN_ONLY = "hasRole('" + ADMIN + "')";
    public static final String ADMIN_OR_ENGINEER = "hasAnyRole('" + ADMIN + "', '" + ENGINEER + "')";
    public static final String ANY_STAFF = "hasAnyRole('" + ADMIN + "', '" + SALES + "', '" + ENGINEER + "')";

    /** The scope a partner client's token carries for the partner API. */
    public static final String PARTNER_API_SCOPE = "partner-api";

    private Roles() {
    }
}
