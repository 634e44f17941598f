package ai.dify.delms.license.changelog;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.platform.problem.NotFoundException;

/** Reads the change log of one license. */
@Service
public class ChangeLog {

    private final ChangeLogRepository entries;
    private final ChangedLicenses licenses;

    ChangeLog(ChangeLogRepository entries, ChangedLicenses licenses) {
        this.entries = entries;
        this.licenses = licenses;
    }

    @Transactional(readOnly = true)
    public Page<ChangeLogEntry> of(String licenseId, Pageable pageable) {
        if (!licenses.exists(licenseId)) {
            throw new NotFoundException("License", licenseId);
        }
        return entries.findByLicenseId(licenseId, pageable);
    }
}
