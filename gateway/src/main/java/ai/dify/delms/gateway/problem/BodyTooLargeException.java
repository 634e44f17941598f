package ai.dify.delms.gateway.problem;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;

/**
 * A request body went past {@code delms.http.max-request-size} while the gateway read it (a chunked
 * body declares no length to check beforehand): 413 problem+json from the error handler.
 */
class BodyTooLargeException extends ResponseStatusException {

    BodyTooLargeException(DataSize limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, detail(limit));
    }

    static String detail(DataSize limit) {
        return "The request body is larger than the limit of " + limit.toKilobytes() + " KB";
    }
}
