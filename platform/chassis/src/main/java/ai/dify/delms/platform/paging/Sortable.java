package ai.dify.delms.platform.paging;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The properties a list may be sorted by, on its {@code Pageable} parameter:
 * {@code @Sortable({"name", "createdAt"}) Pageable pageable}. {@link PageParametersInterceptor}
 * answers 400 naming {@code sort} and these properties for any other one, before the query is
 * built; the OpenAPI document lists them.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Sortable {

    String[] value();
}
