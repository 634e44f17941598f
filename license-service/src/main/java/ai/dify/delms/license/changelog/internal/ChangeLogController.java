package ai.dify.delms.license.changelog.internal;

import ai.dify.delms.license.changelog.ChangeLog;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import ai.dify.delms.platform.paging.PageResponse;
import ai.dify.delms.platform.paging.Sortable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/v1/licenses/{id}/changes}: the change log of a license, newest first. */
@RestController
@Tag(name = "Licenses")
public class ChangeLogController {

    private final ChangeLog changeLog;

    ChangeLogController(ChangeLog changeLog) {
        this.changeLog = changeLog;
    }

    @GetMapping("/api/v1/licenses/{id}/changes")
    @Operation(summary = "Change log of a license",
            description = "Every changed field with who, when, why and the source (API, EVENT, SCHEDULE); newest first.")
    PageResponse<ChangeLogEntryDto> changes(@PathVariable String id, @ParameterObject
            @Sortable({"at", "id", "field", "source"})
            @PageableDefault(size = 20, sort = {"at", "id"}, direction = Sort.Direction.DESC) Pageable pageable) {
        return PageResponse.of(changeLog.of(id, pageable), ChangeLogEntryDto::of);
    }
}
