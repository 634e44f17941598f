package ai.dify.delms.license.files.internal;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ai.dify.delms.platform.paging.PageResponse;
import ai.dify.delms.platform.paging.Sortable;
import ai.dify.delms.platform.security.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/v1/licenses/{id}/file} and {@code .../files}: staff download a license's signed file and list those issued. */
@RestController
@RequestMapping("/api/v1/licenses/{id}")
@Tag(name = "Licenses")
public class LicenseFileController {

    static final String DOWNLOAD = "The signed license file (docs/license-files.md, format 1) of the license's current "
            + "terms, signed with the ACTIVE signing key; verify it with the public keys document "
            + "(GET /api/v1/license-keys/public). A repeated download of the same terms while the same key is ACTIVE "
            + "returns the same file, byte for byte; after a change of the terms (a new license version) or a key "
            + "rotation, a new file with a new serial is issued, recorded (GET .../files), put on the timeline "
            + "(FILE_ISSUED) and published as delms.license.file-issued.v1. The grace period is "
            + "delms.license-files.grace-period (30 days by default). A SUSPENDED or TERMINATED license gets no file "
            + "(409: reinstate a suspended one first); an EXPIRED one does, which says it is expired or in grace. "
            + "The serial is also in the DELMS-License-File-Serial header.";

    private final LicenseFiles files;

    LicenseFileController(LicenseFiles files) {
        this.files = files;
    }

    @GetMapping(value = "/file", produces = LicenseFileResponses.MEDIA_TYPE)
    @Operation(summary = "Download the license file of a license", description = DOWNLOAD + " Admin, sales and engineer.")
    ResponseEntity<byte[]> licenseFile(@PathVariable String id, CurrentActor actor) {
        return LicenseFileResponses.download(files.fileOf(id, actor.auditName()));
    }

    @GetMapping("/files")
    @Operation(summary = "License files issued for a license",
            description = "Every file issued (not every download), newest first by default: serial, license version, "
                    + "signing key, when and by whom. Sortable by issuedAt and licenseVersion.")
    PageResponse<IssuedFileDto> issuedFiles(@PathVariable String id, @ParameterObject @Sortable({"issuedAt", "licenseVersion", "id"})
            @PageableDefault(size = 20, sort = {"issuedAt", "id"}, direction = Sort.Direction.DESC) Pageable pageable) {
        return PageResponse.of(files.issued(id, pageable), IssuedFileDto::of);
    }
}
