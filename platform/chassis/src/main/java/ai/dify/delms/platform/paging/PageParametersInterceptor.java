package ai.dify.delms.platform.paging;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Pageable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import ai.dify.delms.platform.problem.InvalidRequestException;

/**
 * Rejects paging parameters out of range with 400 instead of silently clamping them (Spring Data's
 * behaviour): {@code size} 1..{@value #MAX_PAGE_SIZE}, {@code page} 0 or more, both integers.
 * Applies to handler methods that take a {@link Pageable}.
 */
public class PageParametersInterceptor implements HandlerInterceptor {

    public static final int MAX_PAGE_SIZE = 200;

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && takesPageable(method)) {
            check("size", request.getParameter("size"), 1, MAX_PAGE_SIZE);
            check("page", request.getParameter("page"), 0, Integer.MAX_VALUE);
        }
        return true;
    }

    private static boolean takesPageable(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters())
                .anyMatch(p -> Pageable.class.isAssignableFrom(p.getParameterType()));
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
            throw new InvalidRequestException(max == Integer.MAX_VALUE
                    ? "'" + name + "' must be at least " + min + "."
                    : "'" + name + "' must be between " + min + " and " + max + ".");
        }
    }
}
