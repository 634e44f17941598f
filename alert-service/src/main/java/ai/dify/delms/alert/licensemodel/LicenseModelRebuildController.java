package ai.dify.delms.alert.licensemodel;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ai.dify.delms.platform.security.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping(LicenseModelRebuildController.PATH)
@Tag(name = "Alerts")
class LicenseModelRebuildController {

    static final String PATH = "/api/v1/alerts/rebuild";

    private final LicenseModelRebuild rebuild;

    LicenseModelRebuildController(LicenseModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping
    @Operation(summary = "Rebuild the license read model from the license events topic (admin)",
            description = "Starts in the background and answers 202 at once; replays `delms.licenses` from its "
                    + "beginning, then re-evaluates every license's alerts. 409 while a rebuild runs.")
    ResponseEntity<LicenseModelRebuild.RebuildStatus> start(CurrentActor actor) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuild.start(actor.auditName()));
    }

    @GetMapping
    @Operation(summary = "How the last rebuild went on this instance")
    LicenseModelRebuild.RebuildStatus status() {
        return rebuild.status();
    }
}
