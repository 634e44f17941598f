package ai.dify.delms.license.snapshot.internal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ai.dify.delms.platform.security.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/v1/licenses/snapshots}: admins re-publish every license for subscribers rebuilding a read model. */
@RestController
@RequestMapping(LicenseSnapshotController.PATH)
@Tag(name = "Licenses")
public class LicenseSnapshotController {

    static final String PATH = "/api/v1/licenses/snapshots";

    private final LicenseSnapshotRun run;

    LicenseSnapshotController(LicenseSnapshotRun run) {
        this.run = run;
    }

    @PostMapping
    @Operation(summary = "Re-publish every license as it is now (admin)",
            description = "Starts in the background and answers 202 at once; publishes one delms.license.snapshot.v1 "
                    + "per license on delms.licenses (its state, version, createdAt, statusChangedAt and latest usage), "
                    + "in license id order, a page per transaction. Subscribers apply a snapshot like any newer state, "
                    + "so a read model rebuilt from a topic that lost older records ends complete (alert-service's "
                    + "rebuild asks for one itself). The status names the run (id = the events' snapshotId) and "
                    + "licenseCount, the number of licenses it publishes at least. Changes nothing in "
                    + "license-service. 409 while a snapshot runs on this instance.")
    @ApiResponse(responseCode = "202", description = "Started; the body is its status (RUNNING)")
    ResponseEntity<LicenseSnapshotRun.SnapshotStatus> start(CurrentActor actor) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(run.start(actor.auditName()));
    }

    @GetMapping
    @Operation(summary = "How the last snapshot went on this instance (admin)",
            description = "id (the snapshotId of its events), state (NEVER_RUN, RUNNING, COMPLETED, FAILED), who "
                    + "asked for it, when it started and finished, how many licenses there were at its start and how "
                    + "many it has published, and why it failed.")
    LicenseSnapshotRun.SnapshotStatus status() {
        return run.status();
    }
}
