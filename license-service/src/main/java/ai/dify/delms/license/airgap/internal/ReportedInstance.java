package ai.dify.delms.license.airgap.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which instance a usage report says it is from, read leniently from its header line only to find
 * the registered key to verify it with; the verifier library then checks the report in full,
 * this claim included.
 */
public final class ReportedInstance {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReportedInstance() {
    }

    /** The header's {@code instanceKeyId}; empty when the report has no readable header. */
    static Optional<String> keyIdClaimedBy(byte[] report) {
        String[] lines = new String(report, StandardCharsets.UTF_8).split("\n", 3);
        if (lines.length < 2) {
            return Optional.empty();
        }
        try {
            JsonNode header = JSON.readTree(lines[1]);
            JsonNode keyId = header == null ? null : header.get("instanceKeyId");
            return keyId != null && keyId.isString() ? Optional.of(keyId.asString()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
