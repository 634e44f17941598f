package ai.dify.delms.platform.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import ai.dify.delms.platform.problem.BodyTooLargeException;

/**
 * Holds every request body to {@code delms.http.max-request-size} (1 MB by default; no DELMS
 * resource comes near it) with {@code 413} problem+json. A declared Content-Length over the limit
 * is refused before anything reads the body (before authentication, too: a large body costs
 * nothing); a body without one (chunked) is counted as it is read and reading stops at the limit,
 * so no reader ever holds more than the limit in memory.
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
            response.sendError(HttpStatus.CONTENT_TOO_LARGE.value(), BodyTooLargeException.detail(limit));
            return;
        }
        try {
            chain.doFilter(new LimitedBodyRequest(request, limit), response);
        } catch (IOException | ServletException | RuntimeException e) {
            // read by a filter (the idempotency key's hash) rather than by Spring MVC, which answers itself
            if (BodyTooLargeException.in(e).isEmpty() || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            response.sendError(HttpStatus.CONTENT_TOO_LARGE.value(), BodyTooLargeException.detail(limit));
        }
    }

    /** The request with an input stream that throws {@link BodyTooLargeException} past the limit. */
    private static final class LimitedBodyRequest extends HttpServletRequestWrapper {

        private final DataSize limit;
        private ServletInputStream limited;

        LimitedBodyRequest(HttpServletRequest request, DataSize limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedInputStream(super.getInputStream(), limit);
            }
            return limited;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset;
            try {
                charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            } catch (IllegalArgumentException e) {
                // what the servlet API promises for a charset the JVM does not know (not a 500)
                throw new UnsupportedEncodingException(encoding);
            }
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final DataSize limit;
        private long read;

        LimitedInputStream(ServletInputStream in, DataSize limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit.toBytes()) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
