package ai.dify.delms.platform.testapp;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ai.dify.delms.platform.paging.PageResponse;
import ai.dify.delms.platform.paging.Sortable;
import ai.dify.delms.platform.problem.ETags;
import ai.dify.delms.platform.security.CurrentActor;

@RestController
@RequestMapping("/api/v1")
class WidgetController {

    record NewWidget(@NotBlank String name, @Min(1) @Max(10) int size) {
    }

    record Rename(@NotBlank String name) {
    }

    record Shape(@NotBlank String name, @Min(1) @Max(10) int size, String accessToken) {
    }

    record Note(@NotBlank String text) {
    }

    private final WidgetService widgets;

    WidgetController(WidgetService widgets) {
        this.widgets = widgets;
    }

    @GetMapping("/widgets")
    PageResponse<WidgetDto> list(@ParameterObject @Sortable({"name", "size"}) Pageable pageable) {
        return PageResponse.of(widgets.list(pageable), WidgetDto::of);
    }

    @PostMapping("/widgets")
    ResponseEntity<WidgetDto> create(@Valid @RequestBody NewWidget body) {
        Widget widget = widgets.create(body.name(), body.size());
        return ResponseEntity.created(URI.create("/api/v1/widgets/" + widget.getId()))
                .eTag(ETags.of(widget.getVersion())).body(WidgetDto.of(widget));
    }

    @GetMapping("/widgets/{id}")
    ResponseEntity<WidgetDto> get(@PathVariable UUID id) {
        Widget widget = widgets.get(id);
        return ResponseEntity.ok().eTag(ETags.of(widget.getVersion())).body(WidgetDto.of(widget));
    }

    @PutMapping("/widgets/{id}")
    ResponseEntity<WidgetDto> rename(@PathVariable UUID id, @Valid @RequestBody Rename body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Widget widget = widgets.rename(id, body.name(), ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(widget.getVersion())).body(WidgetDto.of(widget));
    }

    @PutMapping("/widgets/{id}/shape")
    ResponseEntity<WidgetDto> reshape(@PathVariable UUID id, @Valid @RequestBody Shape body) {
        Widget widget = widgets.reshape(id, body.name(), body.size(), body.accessToken());
        return ResponseEntity.ok().eTag(ETags.of(widget.getVersion())).body(WidgetDto.of(widget));
    }

    @DeleteMapping("/widgets/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        widgets.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/widgets/{id}/notes")
    ResponseEntity<Void> addNote(@PathVariable UUID id, @Valid @RequestBody Note body) {
        WidgetNote note = widgets.addNote(id, body.text());
        return ResponseEntity.created(URI.create("/api/v1/widgets/" + id + "/notes/" + note.getId())).build();
    }

    @PutMapping("/widgets/{id}/tags/{tag}")
    ResponseEntity<Void> tag(@PathVariable UUID id, @PathVariable String tag) {
        widgets.tag(id, tag);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/failures/widgets/{id}")
    void renameThenFail(@PathVariable UUID id, @Valid @RequestBody Rename body) {
        widgets.renameThenFail(id, body.name());
    }

    /** Deliberately has no access rule: the chassis must deny it. */
    @GetMapping("/undeclared")
    String undeclared() {
        return "should never be served";
    }

    @GetMapping("/actor")
    CurrentActor actor(CurrentActor actor) {
        return actor;
    }

    @GetMapping("/failures/boom")
    String boom() {
        throw new IllegalStateException("secret internal detail");
    }
}
