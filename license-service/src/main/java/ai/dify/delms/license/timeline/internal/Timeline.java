package ai.dify.delms.license.timeline.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.license.license.TimelineEntry;
import ai.dify.delms.license.license.TimelineKind;
import ai.dify.delms.license.changelog.ChangeLog;
import ai.dify.delms.license.changelog.ChangeLogEntry;
import ai.dify.delms.license.license.License;
import ai.dify.delms.license.license.LicenseService;
import ai.dify.delms.license.license.LicenseTimelines;
import ai.dify.delms.platform.time.BusinessTimeZone;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The timeline of a license from license-service's own data only (works while the other services
 * are down): order and creation from the license, status changes from the change log, purchases,
 * deployments and usage milestones from the stored facts, and the expiry date. Ordered by time.
 */
@Service
public class Timeline implements LicenseTimelines {

    private final LicenseService licenses;
    private final TimelineFactRepository facts;
    private final ChangeLog changeLog;
    private final JsonMapper json;
    private final BusinessTimeZone businessTime;

    Timeline(LicenseService licenses, TimelineFactRepository facts, ChangeLog changeLog, JsonMapper json,
            BusinessTimeZone businessTime) {
        this.licenses = licenses;
        this.facts = facts;
        this.changeLog = changeLog;
        this.json = json;
        this.businessTime = businessTime;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TimelineEntry> of(String licenseId) {
        License license = licenses.get(licenseId);
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(new TimelineEntry(startOf(license.getOrderDate()), TimelineKind.ORDERED,
                "Ordered on " + license.getOrderDate(), null, json.valueToTree(Map.of("orderDate", license.getOrderDate().toString()))));
        entries.add(new TimelineEntry(license.getCreatedAt(), TimelineKind.CREATED, "License created", license.getCreatedBy(), null));
        for (ChangeLogEntry change : changeLog.statusChanges(licenseId)) {
            if (change.getOldValue() == null) {
                continue; // the creation itself
            }
            Map<String, String> details = new java.util.LinkedHashMap<>();
            details.put("from", change.getOldValue());
            details.put("to", change.getNewValue());
            details.put("reason", change.getReason());
            details.put("source", change.getSource().name());
            if (change.getVia() != null) {
                details.put("via", change.getVia());
            }
            entries.add(new TimelineEntry(change.getAt(), TimelineKind.STATUS_CHANGED,
                    "Status " + change.getOldValue() + " → " + change.getNewValue(), change.getActor(),
                    json.valueToTree(details)));
        }
        for (TimelineFact fact : facts.findByLicenseIdOrderByAtAscIdAsc(licenseId)) {
            JsonNode details = fact.getDetails() == null ? null : json.readTree(fact.getDetails());
            entries.add(new TimelineEntry(fact.getAt(), fact.getKind(), fact.getSummary(), fact.getActor(), details));
        }
        if (license.getExpiryDate() != null) {
            entries.add(new TimelineEntry(startOf(license.getExpiryDate().plusDays(1)), TimelineKind.EXPIRY,
                    "Expiry date " + license.getExpiryDate(), null,
                    json.valueToTree(Map.of("expiryDate", license.getExpiryDate().toString()))));
        }
        // stable: entries at the same instant keep the order above (creation, changes, facts)
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return entries;
    }

    /** Days begin in the business's time zone: the license expires when its expiry date ends there. */
    private java.time.Instant startOf(LocalDate date) {
        return businessTime.startOf(date);
    }
}
