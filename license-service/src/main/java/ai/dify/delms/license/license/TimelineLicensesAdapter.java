package ai.dify.delms.license.license;

import java.util.Optional;

import org.springframework.stereotype.Component;

import ai.dify.delms.license.timeline.TimelineLicenses;

/** Tells the timeline what it needs of a license itself. */
@Component
class TimelineLicensesAdapter implements TimelineLicenses {

    private final LicenseRepository licenses;

    TimelineLicensesAdapter(LicenseRepository licenses) {
        this.licenses = licenses;
    }

    @Override
    public Optional<LicenseFacts> facts(String licenseId) {
        if (!LicenseId.isValid(licenseId)) {
            return Optional.empty();
        }
        return licenses.findById(licenseId).map(l -> new LicenseFacts(l.getCreatedAt(), l.getCreatedBy(),
                l.getOrderDate(), l.getExpiryDate()));
    }
}
