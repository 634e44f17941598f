package ai.dify.delms.license.airgap.internal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

import ai.dify.delms.licensefile.usage.ChainPosition;
import ai.dify.delms.licensefile.usage.UsageFailure;
import ai.dify.delms.licensefile.usage.UsageImport;

/**
 * An imported usage report that was refused, nothing recorded: the problem's type says why
 * ({@code urn:delms:problem:usage-report-<reason>}), its detail and properties where. 409 when the
 * report is sound but does not fit what was accepted before (a replay, a gap) or its instance was
 * deactivated; 422 when the report itself is not acceptable.
 */
public class UsageReportRefusedException extends RuntimeException {

    private final HttpStatus status;
    private final String reason;
    private final String title;
    private final Map<String, Object> properties;

    private UsageReportRefusedException(HttpStatus status, String reason, String title, String detail,
            Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.reason = reason;
        this.title = title;
        this.properties = properties;
    }

    /** What the verifier library refused, with the instance the report was checked against (null: none was found). */
    static UsageReportRefusedException of(UsageImport.Rejected rejected, Instance instance) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("failure", rejected.failure().name());
        rejected.line().ifPresent(line -> properties.put("line", line));
        rejected.seq().ifPresent(seq -> properties.put("seq", seq));
        String hint = "";
        if (instance != null) {
            properties.put("instanceId", instance.getId());
            properties.put("instanceKeyId", instance.getKeyId());
            long next = instance.lastAccepted().map(ChainPosition::seq).orElse(0L) + 1;
            properties.put("lastAcceptedSeq", next - 1);
            if (rejected.failure() == UsageFailure.GAP) {
                hint = " Export the instance's usage from seq " + next + " (license-verifier usage export --from-seq "
                        + next + ") or its whole log, and import that.";
            } else if (rejected.failure() == UsageFailure.REPLAY) {
                hint = " Nothing was recorded; the next report must hold entries after seq " + (next - 1) + ".";
            }
        }
        HttpStatus status = switch (rejected.failure()) {
            case GAP, REPLAY -> HttpStatus.CONFLICT;
            default -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        String reason = rejected.failure().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return new UsageReportRefusedException(status, reason, title(rejected.failure()), rejected.message() + hint,
                properties);
    }

    /** No instance with the report's key is registered for the license. */
    static UsageReportRefusedException unknownInstance(String licenseId, String claimedKeyId) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("failure", UsageFailure.WRONG_INSTANCE.name());
        if (claimedKeyId != null) {
            properties.put("instanceKeyId", claimedKeyId);
        }
        return new UsageReportRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "wrong-instance",
                title(UsageFailure.WRONG_INSTANCE), (claimedKeyId == null ? "No instance is registered for license "
                        + licenseId : "The report is from instance " + claimedKeyId + ", which is not registered for license "
                        + licenseId) + ". Register the instance's public key first (POST /api/v1/licenses/" + licenseId
                        + "/instances).", properties);
    }

    static UsageReportRefusedException deactivated(Instance instance) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("instanceId", instance.getId());
        properties.put("instanceKeyId", instance.getKeyId());
        return new UsageReportRefusedException(HttpStatus.CONFLICT, "instance-deactivated", "Instance deactivated",
                "Instance " + instance.getKeyId() + " (" + instance.getName() + ") of license " + instance.getLicenseId()
                        + " was deactivated on " + instance.getDeactivatedAt() + ": no more reports are imported from it.",
                properties);
    }

    /** An entry dated later than now (beyond the clock skew reports are allowed): the instance's clock is wrong. */
    static UsageReportRefusedException futureEntry(Instance instance, long seq, java.time.Instant at) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("seq", seq);
        properties.put("instanceId", instance.getId());
        properties.put("instanceKeyId", instance.getKeyId());
        return new UsageReportRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "future-entry", "Usage entry in the future",
                "Entry seq " + seq + " is dated " + at + ", later than now: the instance's clock is ahead. Nothing "
                        + "was recorded; import the report again once that time has passed, and correct the clock.",
                properties);
    }

    private static String title(UsageFailure failure) {
        return switch (failure) {
            case MALFORMED -> "Malformed usage report";
            case BAD_SIGNATURE -> "Usage report signature invalid";
            case WRONG_LICENSE -> "Usage report of another license";
            case WRONG_INSTANCE -> "Usage report of an unregistered instance";
            case GAP -> "Usage entries missing";
            case REPLAY -> "Usage report imported already";
            case CHAIN_BROKEN -> "Usage chain broken";
            case OUT_OF_ORDER -> "Usage entries out of order";
        };
    }

    HttpStatus status() {
        return status;
    }

    URI type() {
        return URI.create("urn:delms:problem:usage-report-" + reason);
    }

    String title() {
        return title;
    }

    Map<String, Object> properties() {
        return properties;
    }
}
