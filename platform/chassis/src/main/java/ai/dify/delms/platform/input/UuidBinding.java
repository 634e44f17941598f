package ai.dify.delms.platform.input;

import java.beans.PropertyEditorSupport;
import java.util.UUID;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A single UUID path or query parameter is bound through a property editor, not the conversion
 * service (which reads lists of them): this editor gives it the same canonical-only reading.
 */
@ControllerAdvice
class UuidBinding {

    private static final UuidParameters UUIDS = new UuidParameters();

    @InitBinder
    void strictUuids(WebDataBinder binder) {
        binder.registerCustomEditor(UUID.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(UUIDS.convert(text));
            }
        });
    }
}
