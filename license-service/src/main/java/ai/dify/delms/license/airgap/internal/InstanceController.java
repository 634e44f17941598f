package ai.dify.delms.license.airgap.internal;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import ai.dify.delms.platform.security.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/licenses/{id}/instances} and {@code .../usage-reports/import}: the air-gapped
 * installations of a license and the usage reports they send as files. Staff read; admins and
 * engineers register, deactivate and import (they report usage).
 */
@RestController
@RequestMapping("/api/v1/licenses/{id}")
@Tag(name = "Licenses")
public class InstanceController {

    static final String REGISTER = "Registers an air-gapped installation by its instance key: publicKey as "
            + "license-verifier instance-key init wrote it to instance.pub (base64url of the raw 32-byte Ed25519 key, no "
            + "padding); name 1 to 100 characters. Answers the instance with its keyId (ik- and 16 hex digits, as the "
            + "instance computes it). A key that is not an Ed25519 public key is a 400 naming publicKey; a key "
            + "registered for the license already (even deactivated) is a 409.";
    static final String IMPORT = "Imports a usage report as license-verifier usage export wrote it (body: the file's "
            + "bytes unchanged, text/plain or application/octet-stream, at most the request size limit of 1 MB). The "
            + "report is checked against the registered key of the instance it names and the last entry accepted from "
            + "it; every new entry is recorded as a usage report (source OFFLINE_IMPORT, at its own time) with the "
            + "same effects as POST .../usage: latest usage, IN_USE, overuse, delms.license.usage-reported.v1. A report "
            + "may repeat entries imported before (only newer ones are recorded). Refused, nothing recorded, as "
            + "problem+json of type urn:delms:problem:usage-report-<reason> with failure, line or seq: 422 malformed, "
            + "bad-signature, wrong-license, wrong-instance, chain-broken, out-of-order, future-entry; 409 replay "
            + "(nothing new), gap (entries missing: export from lastAcceptedSeq + 1), instance-deactivated.";

    private final Instances instances;
    private final UsageReportImporter importer;

    InstanceController(Instances instances, UsageReportImporter importer) {
        this.instances = instances;
        this.importer = importer;
    }

    @PostMapping("/instances")
    @Operation(summary = "Register an air-gapped instance of a license", description = REGISTER + " Admin and engineer.")
    ResponseEntity<InstanceDto> registerInstance(@PathVariable String id, @Valid @RequestBody RegisterInstanceRequest request,
            CurrentActor actor) {
        Instance instance = instances.register(id, Requester.staff(), request, actor.auditName());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{instanceId}")
                .buildAndExpand(instance.getId()).toUri();
        return ResponseEntity.created(location).body(InstanceDto.of(instance));
    }

    @GetMapping("/instances")
    @Operation(summary = "Air-gapped instances of a license", description = "In the order they were registered, "
            + "deactivated ones too, each with the last usage entry imported from it.")
    List<InstanceDto> listInstances(@PathVariable String id) {
        return instances.list(id, Requester.staff()).stream().map(InstanceDto::of).toList();
    }

    @PostMapping("/instances/{instanceId}/deactivate")
    @Operation(summary = "Deactivate an air-gapped instance", description = "No more usage reports are imported from "
            + "it; what was imported stays. Its key cannot be registered again on the license. A second deactivation is "
            + "a 409. Admin and engineer.")
    InstanceDto deactivateInstance(@PathVariable String id, @PathVariable UUID instanceId, CurrentActor actor) {
        return InstanceDto.of(instances.deactivate(id, Requester.staff(), instanceId, actor.auditName()));
    }

    @PostMapping(value = "/usage-reports/import", consumes = {"text/plain", "application/octet-stream"})
    @Operation(summary = "Import a usage report of an air-gapped instance", description = IMPORT + " Admin and engineer.")
    ImportSummary importUsageReport(@PathVariable String id, @RequestBody(required = false) byte[] report,
            CurrentActor actor) {
        return importer.importReport(id, Requester.staff(), report == null ? new byte[0] : report, actor.auditName());
    }
}
