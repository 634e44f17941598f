package ai.dify.delms.platform.testapp;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import ai.dify.delms.platform.audit.NotAudited;

/** A high-volume row that opts out of the audit log. */
@Entity
@NotAudited
public class WidgetNote {

    @Id
    private UUID id;
    private UUID widgetId;
    private String text;

    protected WidgetNote() {
    }

    WidgetNote(UUID widgetId, String text) {
        this.id = UUID.randomUUID();
        this.widgetId = widgetId;
        this.text = text;
    }

    public UUID getId() { return id; }
}
