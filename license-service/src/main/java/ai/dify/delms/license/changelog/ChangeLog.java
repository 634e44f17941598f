package ai.dify.delms.license.changelog;

import ai.dify.delms.license.changelog.internal.ChangeLogRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.license.license.LicenseService;
import ai.dify.delms.license.license.StatusHistory;
import ai.dify.delms.platform.problem.NotFoundException;

/** Reads the change log of a license. */
@Service
public class ChangeLog implements StatusHistory {

    private final ChangeLogRepository entries;
    private final LicenseService licenses;

    ChangeLog(ChangeLogRepository entries, LicenseService licenses) {
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

    @Override
    @Transactional(readOnly = true)
    public Map<String, Instant> statusSince(Collection<String> licenseIds) {
        Map<String, Instant> since = new HashMap<>();
        if (!licenseIds.isEmpty()) {
            entries.findLatestChangeOf("status", licenseIds).forEach(row -> since.put((String) row[0], (Instant) row[1]));
        }
        return since;
    }
}
