package ai.dify.delms.platform.problem;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Strong ETags from a resource's optimistic-lock {@code version}, and the If-Match check for updates.
 */
public final class ETags {

    private ETags() {
    }

    /** The ETag header value for a version, e.g. {@code "3"}. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Checks an {@code If-Match} header against the current version; absent or {@code *} passes.
     *
     * @throws PreconditionFailedException if the header names another version
     */
    public static void checkIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String current = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(current)) {
                return;
            }
        }
        throw new PreconditionFailedException("The resource has changed: current version is " + currentVersion + ".");
    }

    /**
     * The two ways a writer says which version it read, checked the same way everywhere: the
     * {@code If-Match} header (412 when it names another version) and the body's {@code version}
     * (409, a lost-update conflict). Either may be absent.
     *
     * @param what the record as a person names it, e.g. {@code "License ENT-202503-123456"}
     */
    public static void checkExpectedVersion(String what, String ifMatch, Long bodyVersion, long currentVersion) {
        checkIfMatch(ifMatch, currentVersion);
        if (bodyVersion != null && bodyVersion != currentVersion) {
            throw new OptimisticLockingFailureException(what + " is at version " + currentVersion + ", not " + bodyVersion + ".");
        }
    }
}
