package ai.dify.delms.license.signingkey.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key-encryption keys from {@code delms.license-files.*}. A missing or malformed KEK stops the
 * service at start-up, naming the property: a service that could not sign any license file should
 * not look healthy.
 */
@Configuration(proxyBeanMethods = false)
public class SigningKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyConfiguration.class);

    @Bean
    KeyEncryptionKeys keyEncryptionKeys(LicenseFilesProperties properties) {
        KeyEncryptionKeys keys = KeyEncryptionKeys.of(properties.keyEncryptionKey(),
                properties.previousKeyEncryptionKey());
        log.info("License signing keys are sealed with the key-encryption key {}{}", keys.currentFingerprint(),
                keys.previousFingerprint().map(previous -> " (and open with the previous one, " + previous + ")")
                        .orElse(""));
        return keys;
    }
}
