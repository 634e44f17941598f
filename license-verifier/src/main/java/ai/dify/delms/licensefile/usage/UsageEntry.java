package ai.dify.delms.licensefile.usage;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

import ai.dify.delms.licensefile.Sha256;
import ai.dify.delms.licensefile.json.Json;
import ai.dify.delms.licensefile.json.JsonException;
import ai.dify.delms.licensefile.json.JsonObject;

/**
 * One entry of a usage chain, as it stands on one line of a usage log or report:
 * {@code {"seq":1,"at":"2026-12-07T10:00:00Z","workspaces":3,"users":40,"previousHash":"…","hash":"…"}}.
 * {@code hash} is the SHA-256 of the same line without its {@code ,"hash":"…"} member ({@link #hashInput()}).
 *
 * @param seq          1 for the first entry of a chain, then one more each
 * @param at           when the usage was seen, whole seconds
 * @param previousHash the previous entry's hash, or the chain's {@link UsageChain#genesisHash genesis hash}
 * @param hash         the hash the entry claims; {@link #hasValidHash()} checks it
 */
public record UsageEntry(long seq, Instant at, int workspaces, int users, String previousHash, String hash) {

    static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final List<String> MEMBERS = List.of("seq", "at", "workspaces", "users", "previousHash", "hash");

    public UsageEntry {
        require(seq >= 1, "seq must be at least 1");
        require(at != null && at.getNano() == 0, "at must be a time in whole seconds");
        require(workspaces >= 0, "workspaces must not be negative");
        require(users >= 0, "users must not be negative");
        require(previousHash != null && HASH.matcher(previousHash).matches(), "previousHash must be 64 lower-case hex digits");
        require(hash != null && HASH.matcher(hash).matches(), "hash must be 64 lower-case hex digits");
    }

    /** The entry that follows {@code previousHash} at {@code seq}, with its hash computed. */
    static UsageEntry create(long seq, Instant at, int workspaces, int users, String previousHash) {
        String hash = Sha256.hex(hashInput(seq, at, workspaces, users, previousHash));
        return new UsageEntry(seq, at, workspaces, users, previousHash, hash);
    }

    /** The text whose SHA-256 is the entry's hash. */
    public String hashInput() {
        return hashInput(seq, at, workspaces, users, previousHash);
    }

    /** Whether {@link #hash()} is the SHA-256 of {@link #hashInput()}. */
    public boolean hasValidHash() {
        return Sha256.hex(hashInput()).equals(hash);
    }

    /** The entry's line, without a line feed. */
    public String line() {
        String input = hashInput();
        return input.substring(0, input.length() - 1) + ",\"hash\":\"" + hash + "\"}";
    }

    private static String hashInput(long seq, Instant at, int workspaces, int users, String previousHash) {
        return "{\"seq\":" + seq + ",\"at\":\"" + at + "\",\"workspaces\":" + workspaces + ",\"users\":" + users
                + ",\"previousHash\":\"" + previousHash + "\"}";
    }

    /**
     * Reads an entry line in its canonical form.
     *
     * @throws IllegalArgumentException saying what is wrong with the line
     */
    public static UsageEntry parse(String line) {
        UsageEntry entry;
        try {
            JsonObject object = JsonObject.of(Json.parse(line), "the entry");
            if (!List.copyOf(object.names()).equals(MEMBERS)) {
                throw new IllegalArgumentException("an entry has exactly the members " + String.join(", ", MEMBERS)
                        + ", in this order");
            }
            entry = new UsageEntry(object.longValue("seq"), Instant.parse(object.string("at")),
                    object.intValue("workspaces"), object.intValue("users"), object.string("previousHash"),
                    object.string("hash"));
        } catch (JsonException e) {
            throw new IllegalArgumentException(e.reason(), e);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("at is not an instant like 2026-12-07T10:00:00Z", e);
        }
        if (!entry.line().equals(line)) {
            throw new IllegalArgumentException("the entry is not in its canonical form: " + entry.line());
        }
        return entry;
    }

    private static void require(boolean condition, String rule) {
        if (!condition) {
            throw new IllegalArgumentException(rule);
        }
    }
}
