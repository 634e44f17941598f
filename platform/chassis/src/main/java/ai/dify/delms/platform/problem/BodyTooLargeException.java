package ai.dify.delms.platform.problem;

import java.io.IOException;
import java.util.Optional;

import org.springframework.util.unit.DataSize;

/**
 * A request body went past {@code delms.http.max-request-size} while it was being read (a chunked
 * body declares no length to check beforehand). An {@link IOException}, because it is thrown from
 * the request's input stream; answered 413 wherever it surfaces.
 */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException(DataSize limit) {
        super(detail(limit));
    }

    /** The detail of every 413 a service answers. */
    public static String detail(DataSize limit) {
        return "The request body is larger than the limit of " + limit.toKilobytes() + " KB";
    }

    /** This exception among the causes of another (a JSON reader wraps what the stream threw). */
    public static Optional<BodyTooLargeException> in(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return Optional.of(tooLarge);
            }
        }
        return Optional.empty();
    }
}
