package ai.dify.delms.alert.licenseview.internal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ai.dify.delms.platform.security.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
            description = "Starts in the background and answers 202 at once; empties the model, asks "
                    + "license-service (as the caller) to re-publish every license (`POST "
                    + "/api/v1/licenses/snapshots`), replays `delms.licenses` from its beginning and on until "
                    + "that snapshot's events are in (at most `delms.alerts.rebuild.snapshot-wait`), then "
                    + "re-evaluates every license's alerts. The snapshot makes the model complete even when the "
                    + "topic lost older records. `licenseSnapshot` in the status says what became of it: "
                    + "APPLIED; INCOMPLETE (the rest apply as they arrive); ALREADY_RUNNING; FAILED (ask "
                    + "license-service yourself). 409 while a rebuild runs.")
    @ApiResponse(responseCode = "202", description = "Started; the body is its status (RUNNING)")
    ResponseEntity<LicenseModelRebuild.RebuildStatus> start(CurrentActor actor,
            @Parameter(hidden = true) @AuthenticationPrincipal Jwt token) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuild.start(actor.auditName(), token.getTokenValue()));
    }

    @GetMapping
    @Operation(summary = "How the last rebuild went on this instance")
    LicenseModelRebuild.RebuildStatus status() {
        return rebuild.status();
    }
}
