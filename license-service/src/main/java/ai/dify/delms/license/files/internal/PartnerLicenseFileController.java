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
import ai.dify.delms.platform.partner.PartnerAccess;
import ai.dify.delms.platform.partner.PartnerCaller;
import ai.dify.delms.platform.security.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Partners download the license files of their reseller's licenses; any other license is an unknown id. */
@RestController
@RequestMapping(PartnerAccess.PATH + "/licenses/{id}")
@Tag(name = "Partner API")
public class PartnerLicenseFileController {

    private final LicenseFiles files;

    PartnerLicenseFileController(LicenseFiles files) {
        this.files = files;
    }

    @GetMapping(value = "/file", produces = LicenseFileResponses.MEDIA_TYPE)
    @Operation(summary = "Download the license file of one of the reseller's licenses (partner)",
            description = LicenseFileController.DOWNLOAD + " The partner's client or user is recorded as the issuer. "
                    + "Another reseller's license is 404, exactly as an unknown id, and nothing is issued.")
    ResponseEntity<byte[]> licenseFileOfReseller(@PathVariable String id, PartnerCaller caller, CurrentActor actor) {
        return LicenseFileResponses.download(files.fileOfReseller(id, caller.resellerId(), actor.auditName()));
    }

    @GetMapping("/files")
    @Operation(summary = "License files issued for one of the reseller's licenses (partner)",
            description = "As the staff list, without who issued each file. Another reseller's license is 404.")
    PageResponse<PartnerIssuedFileDto> issuedFilesOfReseller(@PathVariable String id, PartnerCaller caller,
            @ParameterObject @Sortable({"issuedAt", "licenseVersion", "id"})
            @PageableDefault(size = 20, sort = {"issuedAt", "id"}, direction = Sort.Direction.DESC) Pageable pageable) {
        return PageResponse.of(files.issuedOfReseller(id, caller.resellerId(), pageable), PartnerIssuedFileDto::of);
    }
}
