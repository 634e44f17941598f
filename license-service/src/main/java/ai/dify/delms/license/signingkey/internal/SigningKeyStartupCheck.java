package ai.dify.delms.license.signingkey.internal;

import ai.dify.delms.license.signingkey.LicenseSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Once the service runs: seals the ACTIVE key with the current key-encryption key if the previous
 * one sealed it (a KEK change), and opens it, so that a wrong KEK is in the log at start-up rather
 * than at the first license file. Neither stops the service: everything but signing still works.
 */
@Component
public class SigningKeyStartupCheck {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyStartupCheck.class);

    private final SigningKeys keys;
    private final LicenseSigner signer;

    SigningKeyStartupCheck(SigningKeys keys, LicenseSigner signer) {
        this.keys = keys;
        this.signer = signer;
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkActiveKey() {
        try {
            keys.resealWithCurrentKek();
            signer.openActiveKey().ifPresentOrElse(
                    kid -> log.info("License signing key {} is active and opens with the configured key-encryption key", kid),
                    () -> log.info("No license signing key yet: the first license file signed makes one"));
        } catch (SigningKeyUnreadableException unreadable) {
            log.error("Cannot sign license files: {}", unreadable.getMessage());
        } catch (DataAccessException e) {
            log.warn("Could not check the license signing key at start-up: {}", e.getMessage());
        }
    }
}
