package ai.dify.delms.platform.testapp;

import java.util.UUID;

public record WidgetDto(UUID id, String name, int size, long version) {

    static WidgetDto of(Widget widget) {
        return new WidgetDto(widget.getId(), widget.getName(), widget.getSize(), widget.getVersion());
    }
}
