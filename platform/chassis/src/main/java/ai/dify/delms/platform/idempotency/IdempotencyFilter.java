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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
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
 * <p>
 * The request runs in a transaction the filter opens, which the application's own transactions
 * join, and its response is stored in that transaction: the key is completed if and only if the
 * request's changes commit, and the client sees the 2xx only after both did. A claim whose request
 * never finished (its instance crashed) is taken over by a retry after the claim timeout
 * (docs/decisions.md, 22).
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 200;

    private final IdempotencyStore store;
    private final TransactionTemplate requestTransaction;
    private final JsonMapper json;

    public IdempotencyFilter(IdempotencyStore store, PlatformTransactionManager transactionManager, JsonMapper json) {
        this.store = store;
        this.requestTransaction = new TransactionTemplate(transactionManager);
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
            run(cached, response, chain, caller.get(), key, ((IdempotencyStore.Claimed) claim).token());
        }
    }

    private void run(CachedBodyRequest request, HttpServletResponse response, FilterChain chain, String caller,
            String key, String token) throws ServletException, IOException {
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean completed;
        try {
            completed = requestTransaction.execute(tx -> {
                runChain(chain, request, recorded);
                if (!isSuccess(recorded.getStatus())) {
                    tx.setRollbackOnly();
                    return false;
                }
                store.complete(caller, key, token, stored(recorded));
                return true;
            });
        } catch (RuntimeException e) {
            // nothing this request did committed: the key is free again for a retry
            releaseQuietly(caller, key, token);
            if (!response.isCommitted()) {
                response.reset();
            }
            if (e instanceof IdempotencyStore.ClaimLostException) {
                problem(request, response, HttpStatus.CONFLICT, "This request took longer than an Idempotency-Key "
                        + "claim lasts and a retry with the key took over; this one changed nothing.", null);
                return;
            }
            throw unwrap(e);
        }
        if (!completed) {
            releaseQuietly(caller, key, token);
        }
        recorded.copyBodyToResponse();
    }

    /** A claim that cannot be released now expires after the claim timeout instead. */
    private void releaseQuietly(String caller, String key, String token) {
        try {
            store.release(caller, key, token);
        } catch (RuntimeException e) {
            log.warn("Could not release Idempotency-Key {}; it is free again after the claim timeout", key, e);
        }
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    private static IdempotencyStore.StoredResponse stored(ContentCachingResponseWrapper recorded) {
        return new IdempotencyStore.StoredResponse(recorded.getStatus(), recorded.getHeader(HttpHeaders.LOCATION),
                recorded.getHeader(HttpHeaders.ETAG), recorded.getContentType(),
                new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8));
    }

    private static void runChain(FilterChain chain, HttpServletRequest request, HttpServletResponse response) {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException e) {
            throw new ChainFailed(e);
        }
    }

    /** The exception the rest of the chain threw, as it threw it. */
    private static RuntimeException unwrap(RuntimeException e) throws ServletException, IOException {
        if (e instanceof ChainFailed failed) {
            if (failed.getCause() instanceof ServletException servlet) {
                throw servlet;
            }
            throw (IOException) failed.getCause();
        }
        return e;
    }

    /** A checked exception of the chain, carried out of the transaction callback (which rolls back). */
    private static final class ChainFailed extends RuntimeException {
        ChainFailed(Exception cause) {
            super(cause);
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
