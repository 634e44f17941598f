package ai.dify.delms.license.license;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import ai.dify.delms.platform.problem.FieldError;
import ai.dify.delms.platform.problem.ProblemTypes;
import tools.jackson.core.JacksonException;

/**
 * The license API's own problems: an illegal transition (409 with {@code currentStatus} and
 * {@code allowedTransitions}), a read-only or unreadable field (400 with {@code errors}). Everything
 * else goes to the chassis's handler.
 */
@RestControllerAdvice(assignableTypes = LicenseController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class LicenseProblems {

    static final String VALIDATION_DETAIL = "The request is not valid.";

    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<ProblemDetail> illegalTransition(IllegalTransitionException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setType(ProblemTypes.forStatus(409));
        problem.setTitle("Illegal license transition");
        problem.setProperty("currentStatus", ex.current());
        problem.setProperty("allowedTransitions", ex.allowed().stream().map(Enum::name).sorted().toList());
        return respond(problem);
    }

    @ExceptionHandler(ReadOnlyFieldException.class)
    ResponseEntity<ProblemDetail> readOnlyField(ReadOnlyFieldException ex) {
        return respond(fieldProblem(ex.field(), ex.getMessage()));
    }

    @ExceptionHandler(InvalidBodyException.class)
    ResponseEntity<ProblemDetail> invalidBody(InvalidBodyException ex) {
        return respond(fieldProblem(ex.field(), ex.getMessage()));
    }

    /** A value of the wrong type names its field, like a bean-validation failure; other unreadable bodies stay generic. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
        if (ex.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            InvalidBodyException invalid = InvalidBodyException.of(jackson);
            return respond(fieldProblem(invalid.field(), invalid.getMessage()));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not readable JSON of the expected shape.");
        problem.setType(ProblemTypes.forStatus(400));
        return respond(problem);
    }

    private static ProblemDetail fieldProblem(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, VALIDATION_DETAIL);
        problem.setType(ProblemTypes.VALIDATION);
        problem.setProperty("errors", List.of(new FieldError(field, message)));
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
