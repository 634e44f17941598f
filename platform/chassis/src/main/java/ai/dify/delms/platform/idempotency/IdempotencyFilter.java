package ai.dify.delms.platform.idempotency;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import ai.dify.delms.platform.problem.ProblemTypes;
import ai.dify.delms.platform.security.CurrentActor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Honours an {@code Idempotency-Key} header on every POST of the service: the first request with a
 * key (per caller) runs and, when it succeeds (2xx), its status, {@code Location}, {@code ETag} and
 * body are stored; a retry with the same key and the same request (method, path, query, body)
 * gets that response again, marked {@code Idempotent-Replayed: true}, and runs nothing. The same
 * key with another request is a 422; a retry while the first is still running is a 409. A failed
 * first request (4xx/5xx) stores nothing, so it may be retried with the same key.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 200;

    private final IdempotencyStore store;
    private final JsonMapper json;

    public IdempotencyFilter(IdempotencyStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).trim();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            problem(request, response, HttpStatus.BAD_REQUEST,
                    "The Idempotency-Key header must have 1 to " + MAX_KEY_LENGTH + " characters.",
                    Map.of("field", HEADER, "message", "must have 1 to " + MAX_KEY_LENGTH + " characters"));
            return;
        }
        Optional<String> caller = CurrentActor.current().map(CurrentActor::subject);
        if (caller.isEmpty()) {
            // not authenticated: security answers; nothing may be stored for an unknown caller
            chain.doFilter(request, response);
            return;
        }
        CachedBodyRequest cached = new CachedBodyRequest(request);
        String hash = hash(request, cached.body);
        IdempotencyStore.Claim claim = store.claim(caller.get(), key, hash);
        if (claim instanceof IdempotencyStore.Completed completed) {
            replay(completed.response(), response);
        } else if (claim instanceof IdempotencyStore.OtherRequest) {
            problem(request, response, HttpStatus.UNPROCESSABLE_CONTENT,
                    "The Idempotency-Key was already used for a different request.",
                    Map.of("field", HEADER, "message", "was already used for a different request"));
        } else if (claim instanceof IdempotencyStore.StillRunning) {
            problem(request, response, HttpStatus.CONFLICT,
                    "A request with this Idempotency-Key is still being processed; retry later.", null);
        } else {
            run(cached, response, chain, caller.get(), key);
        }
    }

    private void run(CachedBodyRequest request, HttpServletResponse response, FilterChain chain, String caller,
            String key) throws ServletException, IOException {
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(request, recorded);
            int status = recorded.getStatus();
            if (status >= 200 && status < 300) {
                store.complete(caller, key, new IdempotencyStore.StoredResponse(status,
                        recorded.getHeader(HttpHeaders.LOCATION), recorded.getHeader(HttpHeaders.ETAG),
                        recorded.getContentType(),
                        new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8)));
                stored = true;
            }
        } finally {
            if (!stored) {
                store.release(caller, key);
            }
            recorded.copyBodyToResponse();
        }
    }

    private static void replay(IdempotencyStore.StoredResponse stored, HttpServletResponse response)
            throws IOException {
        response.setStatus(stored.status());
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, stored.etag());
        }
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        response.setHeader(REPLAYED_HEADER, "true");
        if (stored.body() != null) {
            byte[] body = stored.body().getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail,
            Map<String, String> fieldError) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        if (fieldError != null) {
            problem.setType(ProblemTypes.VALIDATION);
            problem.setProperty("errors", List.of(fieldError));
        }
        ProblemTypes.applyDefault(problem);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** Identifies the request a key was used for: method, path, query and body. */
    static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.getMethod() + " " + request.getRequestURI() + "?"
                    + Optional.ofNullable(request.getQueryString()).orElse("") + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The request with its body read once (to hash it) and served again to the application. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request) throws IOException {
            super(request);
            this.body = request.getInputStream().readAllBytes();
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = Optional.ofNullable(getCharacterEncoding()).orElse(StandardCharsets.UTF_8.name());
            return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
