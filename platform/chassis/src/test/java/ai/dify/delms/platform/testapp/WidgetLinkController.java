package ai.dify.delms.platform.testapp;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import ai.dify.delms.platform.problem.InvalidFieldException;
import ai.dify.delms.platform.reference.OwnedResource;
import ai.dify.delms.platform.reference.ReferenceLookup;

/**
 * A request naming a widget another instance of this application owns ({@value #OWNER} in
 * discovery), checked there the way services check a reference their read model does not know yet.
 */
@RestController
class WidgetLinkController {

    static final String OWNER = "widget-owner";
    static final OwnedResource WIDGETS = new OwnedResource(OWNER, "widget", "/api/v1/widgets/{id}");

    record NewLink(@NotNull UUID widgetId) {
    }

    record Link(UUID widgetId, String widgetName) {
    }

    /** Only what a link needs of the owner's widget: its other fields are ignored. */
    record OwnerWidget(UUID id, String name) {
    }

    private final ReferenceLookup owner;

    WidgetLinkController(ReferenceLookup owner) {
        this.owner = owner;
    }

    @PostMapping("/api/v1/widget-links")
    Link link(@Valid @RequestBody NewLink body) {
        OwnerWidget widget = owner.find(WIDGETS, body.widgetId(), OwnerWidget.class)
                .orElseThrow(() -> new InvalidFieldException("widgetId", "is not a known widget"));
        return new Link(widget.id(), widget.name());
    }
}
