package ai.dify.delms.platform.paging;

import java.util.Arrays;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.data.domain.Pageable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import ai.dify.delms.platform.problem.InvalidRequestException;

/**
 * Rejects paging parameters out of range with 400 instead of silently clamping them (Spring Data's
 * behaviour) or failing in the query: {@code size} 1..{@value #MAX_PAGE_SIZE}, {@code page}
 * 0..{@value #MAX_PAGE} (so that the offset, page × size, always fits the database's and JPA's
 * integer), both integers; {@code sort} only property names and {@code asc}/{@code desc}, and only
 * the properties the list declares with {@link Sortable}. Applies to handler methods that take a
 * {@link Pageable}.
 */
public class PageParametersInterceptor implements HandlerInterceptor {

    public static final int MAX_PAGE_SIZE = 200;
    /** The last page number anyone may ask for: {@code (MAX_PAGE + 1) × MAX_PAGE_SIZE} is below 2^31. */
    public static final int MAX_PAGE = 10_000_000;

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            pageable(method).ifPresent(pageable -> {
                check("size", request.getParameter("size"), 1, MAX_PAGE_SIZE);
                check("page", request.getParameter("page"), 0, MAX_PAGE);
                checkSort(request.getParameterValues(SortParameter.NAME), pageable);
            });
        }
        return true;
    }

    private static Optional<MethodParameter> pageable(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters())
                .filter(p -> Pageable.class.isAssignableFrom(p.getParameterType())).findFirst();
    }

    private static void checkSort(String[] values, MethodParameter pageable) {
        var properties = SortParameter.properties(values);
        Sortable sortable = pageable.getParameterAnnotation(Sortable.class);
        if (sortable != null) {
            SortableFields declared = SortableFields.of(sortable.value());
            properties.forEach(declared::check);
        }
    }

    private static void check(String name, String value, int min, int max) {
        if (value == null) {
            return;
        }
        int number;
        try {
            number = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("'" + name + "' must be an integer.");
        }
        if (number < min || number > max) {
            throw new InvalidRequestException("'" + name + "' must be between " + min + " and " + max + ".");
        }
    }
}
