package ai.dify.delms.license.files.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import ai.dify.delms.licensefile.license.LicenseTerms;

/**
 * {@code delms.license-files.grace-period}: how long after its expiry date a license file still lets
 * the product run ({@code IN_GRACE}), written into every file issued; whole days, 0 to 3650.
 */
@ConfigurationProperties("delms.license-files")
public record LicenseFileProperties(@DefaultValue("30d") Duration gracePeriod) {

    public LicenseFileProperties {
        if (gracePeriod.isNegative() || gracePeriod.toDays() > LicenseTerms.MAX_GRACE_PERIOD_DAYS
                || !gracePeriod.equals(Duration.ofDays(gracePeriod.toDays()))) {
            throw new IllegalArgumentException("delms.license-files.grace-period must be whole days from 0 to "
                    + LicenseTerms.MAX_GRACE_PERIOD_DAYS + " (e.g. 30d), not " + gracePeriod);
        }
    }

    int gracePeriodDays() {
        return (int) gracePeriod.toDays();
    }
}
