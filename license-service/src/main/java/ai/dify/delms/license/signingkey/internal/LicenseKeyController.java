package ai.dify.delms.license.signingkey.internal;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import ai.dify.delms.platform.problem.ETags;
import ai.dify.delms.platform.security.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/license-keys}: admins list, rotate and revoke the keys license files are signed
 * with (docs/decisions.md, 26). The public keys document is {@link PublicKeysController}'s.
 */
@RestController
@RequestMapping(LicenseKeyController.PATH)
@Tag(name = "License keys")
public class LicenseKeyController {

    static final String PATH = "/api/v1/license-keys";
    static final String PROBLEM_JSON = "application/problem+json";

    private final SigningKeys keys;

    LicenseKeyController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping
    @Operation(operationId = "listLicenseKeys", summary = "List the license signing keys (admin)",
            description = "Every key, newest first, with its status: ACTIVE (signs new license files; exactly one once "
                    + "the first file was signed or a key was rotated in), RETIRED (signs nothing, its files still "
                    + "verify), REVOKED (never verifies). Not paged: there are a handful.")
    @ApiResponse(responseCode = "200", description = "Every key, newest first")
    SigningKeyList list() {
        return new SigningKeyList(keys.list().stream().map(SigningKeyDto::of).toList());
    }

    @GetMapping("/{kid}")
    @Operation(operationId = "getLicenseKey", summary = "Read a license signing key (admin)")
    @ApiResponse(responseCode = "200", description = "The key; its ETag is its version")
    @ApiResponse(responseCode = "404", description = "No key has this id: problem+json of type urn:delms:problem:not-found",
            content = @Content(mediaType = PROBLEM_JSON))
    ResponseEntity<SigningKeyDto> get(@PathVariable String kid) {
        SigningKey key = keys.get(kid);
        return ResponseEntity.ok().eTag(ETags.of(key.getVersion())).body(SigningKeyDto.of(key));
    }

    @PostMapping
    @Operation(operationId = "rotateLicenseKey", summary = "Rotate: make a new active license signing key (admin)",
            description = "Makes a new Ed25519 key, which signs every license file from now on, and retires the "
                    + "ACTIVE one, in one transaction: files it signed still verify, but it signs nothing any more and "
                    + "its private key is discarded. Concurrent rotations run one after the other and leave exactly one "
                    + "ACTIVE key. The new key shows in the public keys document at once; offline verifiers need that "
                    + "document again to verify files signed with it. Takes no body; honours Idempotency-Key.")
    @ApiResponse(responseCode = "201", description = "The new ACTIVE key; Location names it")
    ResponseEntity<SigningKeyDto> rotate(CurrentActor actor) {
        SigningKey key = keys.rotate(actor.auditName());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{kid}").buildAndExpand(key.getKid())
                .toUri();
        return ResponseEntity.created(location).eTag(ETags.of(key.getVersion())).body(SigningKeyDto.of(key));
    }

    @PostMapping("/{kid}/revoke")
    @Operation(operationId = "revokeLicenseKey", summary = "Revoke a retired license signing key (admin)",
            description = "For a key that must never be trusted again (its private key was exposed before it was "
                    + "retired): the public keys document lists it as REVOKED and verifiers refuse every file it "
                    + "signed, so those files must be issued again. reason (required, at most 500 characters) is "
                    + "recorded with who revoked it and when. Revocation is final.")
    @ApiResponse(responseCode = "200", description = "The key, now REVOKED")
    @ApiResponse(responseCode = "404", description = "No key has this id: problem+json of type urn:delms:problem:not-found",
            content = @Content(mediaType = PROBLEM_JSON))
    @ApiResponse(responseCode = "409", description = "problem+json of type urn:delms:problem:conflict, with kid and "
            + "status: the key is ACTIVE (it signs every new file: rotate first, then revoke it), or it was revoked "
            + "already (its first reason stays; revokedAt says when)",
            content = @Content(mediaType = PROBLEM_JSON))
    ResponseEntity<SigningKeyDto> revoke(@PathVariable String kid, @Valid @RequestBody RevocationRequest request,
            CurrentActor actor) {
        SigningKey key = keys.revoke(kid, request.reason(), actor.auditName());
        return ResponseEntity.ok().eTag(ETags.of(key.getVersion())).body(SigningKeyDto.of(key));
    }
}
