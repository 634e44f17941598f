package ai.dify.delms.platform.testapp;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

/** A tag on a widget: an entity with a composite id. */
@Entity
@IdClass(WidgetTag.Key.class)
public class WidgetTag {

    /** The composite id: widget and tag. */
    public static class Key implements Serializable {
        private UUID widgetId;
        private String tag;

        protected Key() {
        }

        Key(UUID widgetId, String tag) {
            this.widgetId = widgetId;
            this.tag = tag;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.widgetId.equals(widgetId) && key.tag.equals(tag);
        }

        @Override
        public int hashCode() {
            return widgetId.hashCode() * 31 + tag.hashCode();
        }
    }

    @Id
    private UUID widgetId;
    @Id
    private String tag;

    protected WidgetTag() {
    }

    WidgetTag(UUID widgetId, String tag) {
        this.widgetId = widgetId;
        this.tag = tag;
    }
}
