package ai.dify.delms.deployment.engineer;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ai.dify.delms.platform.paging.PageResponse;
import ai.dify.delms.platform.problem.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping(EngineerController.PATH)
@Tag(name = "Engineers")
class EngineerController {

    static final String PATH = "/api/v1/engineers";

    /** Body of a create request; {@code skills} defaults to none, {@code active} to true. */
    record NewEngineer(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 50) String region,
            @Size(max = 30) List<@NotBlank @Size(max = 50) String> skills,
            Boolean active) {
    }

    private final EngineerService engineers;

    EngineerController(EngineerService engineers) {
        this.engineers = engineers;
    }

    @GetMapping
    @Operation(summary = "List engineers", description = "Paged; sorted by name unless `sort` says otherwise.")
    PageResponse<EngineerDto> list(
            @Parameter(description = "Case-insensitive search over name and e-mail") @RequestParam(required = false) String q,
            @PageableDefault(size = 20, sort = "name") Pageable pageable) {
        return PageResponse.of(engineers.search(q, pageable), EngineerDto::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one engineer")
    ResponseEntity<EngineerDto> get(@PathVariable UUID id) {
        Engineer engineer = engineers.get(id);
        return ResponseEntity.ok().eTag(ETags.of(engineer.getVersion())).body(EngineerDto.of(engineer));
    }

    @PostMapping
    @Operation(summary = "Create an engineer (admin)", description = "409 if the e-mail is taken (ignoring case).")
    ResponseEntity<EngineerDto> create(@Valid @RequestBody NewEngineer body) {
        Engineer engineer = engineers.create(body.name(), body.email(), body.region(), body.skills(),
                body.active() == null || body.active());
        return ResponseEntity.created(URI.create(PATH + "/" + engineer.getId()))
                .eTag(ETags.of(engineer.getVersion())).body(EngineerDto.of(engineer));
    }
}
