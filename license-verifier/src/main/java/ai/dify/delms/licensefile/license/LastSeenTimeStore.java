package ai.dify.delms.licensefile.license;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where the product keeps the latest time its clock has shown {@link LicenseVerifier}, so that a clock
 * set back can be noticed (docs/license-files.md, "Clock rollback"). Keep it where a restart does not
 * lose it; {@link FileLastSeenTimeStore} keeps it in a file.
 */
public interface LastSeenTimeStore {

    /** The latest time seen, empty before the first verification. */
    Optional<Instant> lastSeen();

    /** Records {@code seen}, which is later than {@link #lastSeen()}. */
    void advanceTo(Instant seen);

    /** A store that forgets on restart: for tests, or a product that checks rollback elsewhere. */
    static LastSeenTimeStore inMemory() {
        AtomicReference<Instant> latest = new AtomicReference<>();
        return new LastSeenTimeStore() {
            @Override
            public Optional<Instant> lastSeen() {
                return Optional.ofNullable(latest.get());
            }

            @Override
            public void advanceTo(Instant seen) {
                latest.accumulateAndGet(seen, (a, b) -> a == null || b.isAfter(a) ? b : a);
            }
        };
    }
}
