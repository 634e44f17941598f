package ai.dify.delms.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose declared body is larger than {@code delms.http.max-request-size} with
 * {@code 413} problem+json before anything reads it (before authentication, too: a large body
 * costs nothing). No DELMS resource comes near the default of 1 MB.
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final DataSize limit;

    RequestSizeLimitFilter(DataSize limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit.toBytes()) {
            response.sendError(HttpStatus.CONTENT_TOO_LARGE.value(),
                    "The request body is larger than the limit of " + limit.toKilobytes() + " KB");
            return;
        }
        chain.doFilter(request, response);
    }
}
