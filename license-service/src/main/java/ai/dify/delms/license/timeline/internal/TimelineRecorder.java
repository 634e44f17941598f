package ai.dify.delms.license.timeline.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.license.license.TimelineKind;
import ai.dify.delms.license.airgap.UsageReportImported;
import ai.dify.delms.license.license.DeploymentApplied;
import ai.dify.delms.license.license.DeploymentFacts;
import ai.dify.delms.license.license.LicenseEvents.LicenseFileIssued;
import ai.dify.delms.license.license.LicenseEvents.UsageReported;
import ai.dify.delms.license.license.PurchaseApplied;
import ai.dify.delms.license.license.PurchaseFacts;
import ai.dify.delms.license.license.UsageApplied;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores the timeline's facts from the events of the license, in the transaction that raises them
 * (it refuses to run without one): purchases, deployments, first use, overuse starting and ending,
 * license files issued and usage reports imported. Status changes, creation and expiry come from the
 * change log and the license itself when the timeline is read ({@link Timeline}).
 */
@Component
public class TimelineRecorder {

    private final TimelineFactRepository facts;
    private final JsonMapper json;

    TimelineRecorder(TimelineFactRepository facts, JsonMapper json) {
        this.facts = facts;
        this.json = json;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void usageReported(UsageReported reported) {
        UsageApplied applied = reported.applied();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("workspaces", reported.workspaces());
        figures.put("users", reported.users());
        figures.put("authorizedWorkspaces", reported.authorizedWorkspaces());
        figures.put("authorizedUsers", reported.authorizedUsers());
        String id = reported.licenseId();
        Instant at = reported.reportedAt();
        String actor = reported.reportedBy();
        if (applied.firstReport()) {
            record(id, at, TimelineKind.FIRST_USE, "First usage reported: " + reported.workspaces() + " workspaces, "
                    + reported.users() + " users", figures, null, actor);
        }
        if (applied.becameLatest() && applied.overusedAfter() && !applied.overusedBefore()) {
            record(id, at, TimelineKind.OVERUSE_STARTED, "Usage above the authorized limits", figures, null, actor);
        } else if (applied.becameLatest() && !applied.overusedAfter() && applied.overusedBefore()) {
            record(id, at, TimelineKind.OVERUSE_ENDED, "Usage within the authorized limits again", figures, null,
                    actor);
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void purchaseApplied(PurchaseApplied applied) {
        PurchaseFacts purchase = applied.purchase();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("purchaseId", purchase.id());
        details.put("type", purchase.type());
        details.put("purchaseDate", purchase.purchaseDate());
        details.put("amount", purchase.amount());
        details.put("currency", purchase.currency());
        details.put("periodStart", purchase.periodStart());
        details.put("periodEnd", purchase.periodEnd());
        details.put("workspacesAfter", purchase.workspacesAfter());
        details.put("usersAfter", purchase.usersAfter());
        details.put("productTypeAfter", purchase.productTypeAfter());
        details.put("orderReference", purchase.orderReference());
        details.put("applied", applied.appliedFields());
        record(applied.licenseId(), applied.recordedAt(), TimelineKind.PURCHASE, purchaseSummary(purchase),
                stringValues(details), purchase.id() == null ? null : purchase.id().toString(), applied.actor());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void deploymentApplied(DeploymentApplied applied) {
        DeploymentFacts deployment = applied.deployment();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("deploymentId", deployment.deploymentId());
        details.put("engineerId", deployment.engineerId());
        details.put("engineerName", deployment.engineerName());
        details.put("environment", deployment.environment());
        details.put("productVersion", deployment.productVersion());
        record(applied.licenseId(), applied.at(), TimelineKind.DEPLOYMENT, "Deployment completed"
                + (deployment.engineerName() == null ? "" : " by " + deployment.engineerName()),
                stringValues(details), deployment.deploymentId() == null ? null : deployment.deploymentId().toString(),
                applied.actor());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void fileIssued(LicenseFileIssued issued) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fileSerial", issued.fileSerial());
        details.put("licenseVersion", issued.version());
        details.put("keyId", issued.keyId());
        record(issued.licenseId(), issued.issuedAt(), TimelineKind.FILE_ISSUED, "License file " + issued.fileSerial()
                + " issued (license version " + issued.version() + ")", details, issued.fileSerial(),
                issued.issuedBy());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void usageReportImported(UsageReportImported imported) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("instanceId", imported.instanceId().toString());
        details.put("instanceName", imported.instanceName());
        details.put("instanceKeyId", imported.instanceKeyId());
        details.put("entries", imported.entries());
        details.put("firstSeq", imported.firstSeq());
        details.put("lastSeq", imported.lastSeq());
        details.put("workspaces", imported.workspaces());
        details.put("users", imported.users());
        record(imported.licenseId(), imported.importedAt(), TimelineKind.USAGE_IMPORTED, "Usage report of instance "
                + imported.instanceName() + " imported: " + imported.entries()
                + (imported.entries() == 1 ? " entry" : " entries") + " (seq " + imported.firstSeq() + " to "
                + imported.lastSeq() + ")", details, imported.instanceKeyId(), imported.importedBy());
    }

    /**
     * @param details shown as the entry's {@code details} object (null values are kept)
     * @param reference the id of what it is about (purchase, deployment), if any
     * @param actor the person behind it (who recorded the purchase, reported the usage), if known
     */
    private void record(String licenseId, Instant at, TimelineKind kind, String summary, Map<String, ?> details,
            String reference, String actor) {
        facts.save(new TimelineFact(licenseId, at, kind, summary,
                details == null ? null : json.writeValueAsString(details), reference, actor));
    }

    /** Dates, ids and amounts as their text, so the stored details read the same as the API's JSON. */
    private static Map<String, Object> stringValues(Map<String, Object> details) {
        Map<String, Object> out = new LinkedHashMap<>();
        details.forEach((k, v) -> out.put(k, v == null || v instanceof Number || v instanceof List<?> ? v : v.toString()));
        return out;
    }

    private static String purchaseSummary(PurchaseFacts p) {
        return switch (p.type()) {
            case NEW -> "New license purchase";
            case RENEWAL -> "Renewal purchase" + (p.periodEnd() == null ? "" : " until " + p.periodEnd());
            case EXPANSION -> "Expansion purchase" + limits(p);
            case UPGRADE -> "Upgrade purchase" + (p.productTypeAfter() == null ? "" : " to " + p.productTypeAfter());
        };
    }

    private static String limits(PurchaseFacts p) {
        if (p.workspacesAfter() == null && p.usersAfter() == null) {
            return "";
        }
        return ": " + (p.workspacesAfter() == null ? "" : p.workspacesAfter() + " workspaces")
                + (p.workspacesAfter() != null && p.usersAfter() != null ? ", " : "")
                + (p.usersAfter() == null ? "" : p.usersAfter() + " users");
    }
}
