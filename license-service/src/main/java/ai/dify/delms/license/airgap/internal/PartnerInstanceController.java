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

import ai.dify.delms.platform.partner.PartnerAccess;
import ai.dify.delms.platform.partner.PartnerCaller;
import ai.dify.delms.platform.security.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Partners register air-gapped instances of their reseller's licenses and import their usage reports. */
@RestController
@RequestMapping(PartnerAccess.PATH + "/licenses/{id}")
@Tag(name = "Partner API")
public class PartnerInstanceController {

    private static final String OTHERS = " Another reseller's license is 404, exactly as an unknown id, and nothing is "
            + "written.";

    private final Instances instances;
    private final UsageReportImporter importer;

    PartnerInstanceController(Instances instances, UsageReportImporter importer) {
        this.instances = instances;
        this.importer = importer;
    }

    @PostMapping("/instances")
    @Operation(summary = "Register an air-gapped instance of one of the reseller's licenses (partner)",
            description = InstanceController.REGISTER + OTHERS)
    ResponseEntity<InstanceDto> registerInstanceOfReseller(@PathVariable String id, @Valid @RequestBody RegisterInstanceRequest request,
            PartnerCaller caller, CurrentActor actor) {
        Instance instance = instances.register(id, Requester.partner(caller), request, actor.auditName());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{instanceId}")
                .buildAndExpand(instance.getId()).toUri();
        return ResponseEntity.created(location).body(InstanceDto.of(instance).withoutActors());
    }

    @GetMapping("/instances")
    @Operation(summary = "Air-gapped instances of one of the reseller's licenses (partner)",
            description = "As the staff list, without who registered or deactivated them." + OTHERS)
    List<InstanceDto> listInstancesOfReseller(@PathVariable String id, PartnerCaller caller) {
        return instances.list(id, Requester.partner(caller)).stream().map(i -> InstanceDto.of(i).withoutActors()).toList();
    }

    @PostMapping("/instances/{instanceId}/deactivate")
    @Operation(summary = "Deactivate an air-gapped instance of one of the reseller's licenses (partner)",
            description = "No more usage reports are imported from it; a second deactivation is a 409." + OTHERS)
    InstanceDto deactivateInstanceOfReseller(@PathVariable String id, @PathVariable UUID instanceId, PartnerCaller caller,
            CurrentActor actor) {
        return InstanceDto.of(instances.deactivate(id, Requester.partner(caller), instanceId, actor.auditName())).withoutActors();
    }

    @PostMapping(value = "/usage-reports/import", consumes = {"text/plain", "application/octet-stream"})
    @Operation(summary = "Import a usage report of an air-gapped instance of one of the reseller's licenses (partner)",
            description = InstanceController.IMPORT + " The partner's client or user is recorded as the reporter." + OTHERS)
    ImportSummary importUsageReportOfReseller(@PathVariable String id, @RequestBody(required = false) byte[] report,
            PartnerCaller caller, CurrentActor actor) {
        return importer.importReport(id, Requester.partner(caller), report == null ? new byte[0] : report, actor.auditName());
    }
}
