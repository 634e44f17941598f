package ai.dify.delms.platform.testapp;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import ai.dify.delms.platform.events.DomainEvent;

/** The test application's widget events, typed as every service's are: the widget, keyed by its id. */
final class WidgetEvents {

    static final String CREATED = "delms.widget.created.v1";
    static final String RENAMED = "delms.widget.renamed.v1";

    private WidgetEvents() {
    }

    sealed interface WidgetEvent extends DomainEvent permits WidgetCreated, WidgetRenamed {

        WidgetDto widget();

        @Override
        default String topic() {
            return ChassisTestApplication.TOPIC;
        }

        @Override
        default String subject() {
            return widget().id().toString();
        }

        @Override
        default long version() {
            return widget().version();
        }
    }

    record WidgetCreated(@JsonUnwrapped WidgetDto widget) implements WidgetEvent {

        @Override
        public String type() {
            return CREATED;
        }
    }

    record WidgetRenamed(@JsonUnwrapped WidgetDto widget) implements WidgetEvent {

        @Override
        public String type() {
            return RENAMED;
        }
    }
}
