package ai.dify.delms.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import ai.dify.delms.platform.http.PercentEncodedUtf8;

/**
 * Refuses a query string that is not percent-encoded UTF-8 with 400 problem+json before anything
 * reads a parameter. Tomcat would throw from the first {@code getParameter} (any parameter, known
 * or not), wherever that happens to be, and the request would end as a 500.
 */
class QueryEncodingFilter extends OncePerRequestFilter {

    static final String DETAIL = "The query string is not valid percent-encoded UTF-8.";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!PercentEncodedUtf8.isValid(request.getQueryString())) {
            response.sendError(HttpStatus.BAD_REQUEST.value(), DETAIL);
            return;
        }
        chain.doFilter(request, response);
    }
}
