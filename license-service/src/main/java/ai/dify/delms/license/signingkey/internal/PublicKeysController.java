package ai.dify.delms.license.signingkey.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/license-keys/public}: the public keys document, for anyone (no token), so that
 * customers and their verifiers can fetch it; it holds nothing secret.
 */
@RestController
@Tag(name = "License keys")
public class PublicKeysController {

    static final String PATH = LicenseKeyController.PATH + "/public";

    private final SigningKeys keys;
    private final JsonMapper json;
    private final CacheControl cacheControl;

    PublicKeysController(SigningKeys keys, JsonMapper json, LicenseFilesProperties properties) {
        this.keys = keys;
        this.json = json;
        this.cacheControl = CacheControl.maxAge(properties.publicKeysMaxAge()).cachePublic();
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements
    @Operation(operationId = "publicLicenseKeys", summary = "The public keys document (no authentication)",
            description = "Every license signing key as a JWK (kty OKP, crv Ed25519, alg EdDSA, use sig, kid, x: the raw "
                    + "public key in base64url) with its status, createdAt, retiredAt and revokedAt; REVOKED keys stay "
                    + "listed so that verifiers can refuse their files. Offline verifiers read this document as their "
                    + "keys file. Cacheable for a few minutes (Cache-Control: public, max-age); the ETag changes "
                    + "with every rotation and revocation, and If-None-Match with the current one answers 304.")
    @ApiResponse(responseCode = "200", description = "The public keys document")
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match", content = @Content)
    ResponseEntity<PublicKeysDocument> publicKeys() {
        PublicKeysDocument document = PublicKeysDocument.of(keys.list());
        // Spring answers 304 itself when If-None-Match names this ETag
        return ResponseEntity.ok().cacheControl(cacheControl).eTag(etagOf(document)).body(document);
    }

    /** A hash of the document as written: equal documents, equal ETags, on every instance. */
    private String etagOf(PublicKeysDocument document) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(document));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
