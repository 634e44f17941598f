package ai.dify.delms.license.changelog;

import java.util.List;

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

    /** The status changes of a license, oldest first (the first one is its creation). */
    @Transactional(readOnly = true)
    public List<ChangeLogEntry> statusChanges(String licenseId) {
        return entries.findByLicenseIdAndFieldOrderByAtAscIdAsc(licenseId, "status");
    }
}
