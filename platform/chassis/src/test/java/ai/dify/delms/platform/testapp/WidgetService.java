package ai.dify.delms.platform.testapp;

import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ai.dify.delms.platform.problem.ConflictException;
import ai.dify.delms.platform.problem.ETags;
import ai.dify.delms.platform.problem.NotFoundException;

@Service
class WidgetService {

    private final WidgetRepository widgets;
    private final WidgetNoteRepository notes;
    private final WidgetTagRepository tags;
    private final ApplicationEventPublisher events;

    WidgetService(WidgetRepository widgets, WidgetNoteRepository notes, WidgetTagRepository tags,
            ApplicationEventPublisher events) {
        this.widgets = widgets;
        this.notes = notes;
        this.tags = tags;
        this.events = events;
    }

    @Transactional
    Widget create(String name, int size) {
        if (widgets.existsByName(name)) {
            throw new ConflictException("A widget named '" + name + "' exists.");
        }
        Widget widget = widgets.save(new Widget(name, size));
        events.publishEvent(new WidgetEvents.WidgetCreated(WidgetDto.of(widget)));
        return widget;
    }

    @Transactional
    Widget rename(UUID id, String name, String ifMatch) {
        Widget widget = get(id);
        ETags.checkIfMatch(ifMatch, widget.getVersion());
        widget.rename(name);
        widgets.flush();
        events.publishEvent(new WidgetEvents.WidgetRenamed(WidgetDto.of(widget)));
        return widget;
    }

    @Transactional
    Widget reshape(UUID id, String name, int size, String accessToken) {
        Widget widget = get(id);
        widget.reshape(name, size, accessToken);
        widgets.flush();
        return widget;
    }

    /** Writes, then fails: the transaction rolls back with everything written in it. */
    @Transactional
    void renameThenFail(UUID id, String name) {
        get(id).rename(name);
        widgets.flush();
        throw new IllegalStateException("failed after renaming " + id);
    }

    @Transactional
    void delete(UUID id) {
        widgets.delete(get(id));
    }

    @Transactional
    WidgetNote addNote(UUID widgetId, String text) {
        return notes.save(new WidgetNote(get(widgetId).getId(), text));
    }

    @Transactional
    void tag(UUID widgetId, String tag) {
        tags.save(new WidgetTag(get(widgetId).getId(), tag));
    }

    @Transactional(readOnly = true)
    Widget get(UUID id) {
        return widgets.findById(id).orElseThrow(() -> new NotFoundException("Widget", id));
    }

    @Transactional(readOnly = true)
    Page<Widget> list(Pageable pageable) {
        return widgets.findAll(pageable);
    }
}
