package ai.dify.delms.license.signingkey.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code delms.license-files.*}: the key-encryption keys that seal signing keys at rest (base64 of
 * 32 bytes each, from the secret store; the previous one only while a KEK change is under way) and
 * how long a cache may keep the public keys document.
 */
@ConfigurationProperties("delms.license-files")
public record LicenseFilesProperties(String keyEncryptionKey, String previousKeyEncryptionKey,
        @DefaultValue("5m") Duration publicKeysMaxAge) {

    /** Never the keys themselves. */
    @Override
    public String toString() {
        return "LicenseFilesProperties[publicKeysMaxAge=" + publicKeysMaxAge + "]";
    }
}
