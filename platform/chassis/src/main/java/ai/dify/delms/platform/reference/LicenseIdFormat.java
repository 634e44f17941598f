package ai.dify.delms.platform.reference;

/**
 * The shape of a License ID ({@code ENT-202503-123456}) for the services that name a license in a
 * request: a value of another shape cannot be a license, so it is refused as bad input (400) before
 * license-service is asked about it, rather than sent there in a path it would refuse.
 */
public final class LicenseIdFormat {

    /** Product code, year and month of creation, six digits (license-service's {@code LicenseId}). */
    public static final String PATTERN = "[A-Z]{3}-\\d{6}-\\d{6}";

    public static final String MESSAGE = "must be a License ID such as ENT-202503-123456";

    private LicenseIdFormat() {
    }
}
