package ai.dify.delms.license.license;

import org.springframework.stereotype.Component;

import ai.dify.delms.license.changelog.ChangedLicenses;

/** Tells the change log which licenses exist. */
@Component
class ChangedLicensesAdapter implements ChangedLicenses {

    private final LicenseService licenses;

    ChangedLicensesAdapter(LicenseService licenses) {
        this.licenses = licenses;
    }

    @Override
    public boolean exists(String licenseId) {
        return licenses.exists(licenseId);
    }
}
