package ai.dify.delms.licensefile.usage;

import java.util.List;

import ai.dify.delms.licensefile.LicenseIds;
import ai.dify.delms.licensefile.SignedText;
import ai.dify.delms.licensefile.json.Json;
import ai.dify.delms.licensefile.json.JsonException;
import ai.dify.delms.licensefile.json.JsonObject;

/**
 * The second line of a usage report:
 * {@code {"licenseId":…,"instanceKeyId":…,"firstSeq":…,"lastSeq":…,"previousHash":…}}, where
 * {@code previousHash} is the hash of the entry before the first one (the genesis hash for entry 1).
 */
record ReportHeader(String licenseId, String instanceKeyId, long firstSeq, long lastSeq, String previousHash) {

    private static final List<String> MEMBERS = List.of("licenseId", "instanceKeyId", "firstSeq", "lastSeq", "previousHash");

    ReportHeader {
        require(LicenseIds.isValid(licenseId), "licenseId must be a License ID like ENT-202503-123456");
        require(instanceKeyId != null && SignedText.KEY_ID.matcher(instanceKeyId).matches(),
                "instanceKeyId must be 1 to 64 of A-Z a-z 0-9 . _ -");
        require(firstSeq >= 1, "firstSeq must be at least 1");
        require(lastSeq >= firstSeq, "lastSeq must not be less than firstSeq");
        require(previousHash != null && UsageEntry.HASH.matcher(previousHash).matches(),
                "previousHash must be 64 lower-case hex digits");
    }

    String line() {
        return "{\"licenseId\":" + Json.quote(licenseId) + ",\"instanceKeyId\":" + Json.quote(instanceKeyId)
                + ",\"firstSeq\":" + firstSeq + ",\"lastSeq\":" + lastSeq + ",\"previousHash\":\"" + previousHash + "\"}";
    }

    /** @throws IllegalArgumentException saying what is wrong with the line */
    static ReportHeader parse(String line) {
        ReportHeader header;
        try {
            JsonObject object = JsonObject.of(Json.parse(line), "the header");
            if (!List.copyOf(object.names()).equals(MEMBERS)) {
                throw new IllegalArgumentException("the header has exactly the members " + String.join(", ", MEMBERS)
                        + ", in this order");
            }
            header = new ReportHeader(object.string("licenseId"), object.string("instanceKeyId"),
                    object.longValue("firstSeq"), object.longValue("lastSeq"), object.string("previousHash"));
        } catch (JsonException e) {
            throw new IllegalArgumentException(e.reason(), e);
        }
        if (!header.line().equals(line)) {
            throw new IllegalArgumentException("the header is not in its canonical form: " + header.line());
        }
        return header;
    }

    private static void require(boolean condition, String rule) {
        if (!condition) {
            throw new IllegalArgumentException(rule);
        }
    }
}
