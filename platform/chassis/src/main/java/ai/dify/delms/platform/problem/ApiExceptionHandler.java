package ai.dify.delms.platform.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolationException;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.data.core.PropertyReferenceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import ai.dify.delms.platform.input.JsonInputErrors;
import ai.dify.delms.platform.transaction.LockContention;
import tools.jackson.core.JacksonException;

/**
 * Maps every failure of a request to an RFC 9457 problem ({@code application/problem+json}):
 * Spring MVC's own errors (400 unreadable body or wrong parameter type, 404 unknown path, 405, 406,
 * 415, ...) through the base class, a body over the size limit (413), bean validation with an {@code errors} array, the chassis's domain
 * exceptions, a dependency that does not answer (503, {@link UnavailableException}), optimistic-lock
 * failures (409), rows still locked after the retries (503), and anything unexpected as a logged 500 whose detail
 * reveals nothing. Ordered last, so a service's own advice can handle its exceptions first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    static final String VALIDATION_DETAIL = "The request is not valid.";
    /** Seconds a client should wait before trying a 503 again: about one circuit breaker half-open probe. */
    static final String RETRY_AFTER_SECONDS = "5";
    /** Locks are held for a transaction's length: a second is plenty before trying again. */
    static final String LOCK_CONTENTION_RETRY_AFTER_SECONDS = "1";

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = validationProblem(HttpStatus.BAD_REQUEST, fieldErrors(ex.getBindingResult()));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> {
            String field = result.getMethodParameter().getParameterName();
            if (error instanceof org.springframework.validation.FieldError fieldError) {
                field = fieldError.getField();
            }
            errors.add(new FieldError(field, error.getDefaultMessage()));
        }));
        ProblemDetail problem = validationProblem(HttpStatus.BAD_REQUEST, errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<FieldError> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList();
        return problem(ex, validationProblem(HttpStatus.BAD_REQUEST, errors), request);
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<Object> invalidField(InvalidFieldException ex, WebRequest request) {
        ProblemDetail problem = validationProblem(HttpStatus.UNPROCESSABLE_CONTENT,
                List.of(new FieldError(ex.field(), ex.getMessage())));
        return problem(ex, problem, request);
    }

    @ExceptionHandler(UnavailableException.class)
    ResponseEntity<Object> unavailable(UnavailableException ex, WebRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                ex.getMessage()), headers, HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidRequestException ex, WebRequest request) {
        return problem(ex, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage()), request);
    }

    @ExceptionHandler(PropertyReferenceException.class)
    ResponseEntity<Object> unknownSortProperty(PropertyReferenceException ex, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Cannot sort by '" + ex.getPropertyName() + "'.");
        return problem(ex, problem, request);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException ex, WebRequest request) {
        return problem(ex, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage()), request);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException ex, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        ex.properties().forEach(problem::setProperty);
        return problem(ex, problem, request);
    }

    @ExceptionHandler(BadFieldException.class)
    ResponseEntity<Object> badField(BadFieldException ex, WebRequest request) {
        return problem(ex, validationProblem(HttpStatus.BAD_REQUEST, List.of(new FieldError(ex.field(), ex.getMessage()))),
                request);
    }

    /** A body that went past the size limit while Spring MVC read it (a chunked one declares no size). */
    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<Object> bodyTooLarge(BodyTooLargeException ex, WebRequest request) {
        return problem(ex, ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, ex.getMessage()), request);
    }

    /** Tomcat's refusal of the parameters (e.g. more than it takes), thrown by whatever reads one first. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> invalidParameters(InvalidParameterException ex, WebRequest request) {
        HttpStatus status = Optional.ofNullable(HttpStatus.resolve(ex.getErrorCode())).orElse(HttpStatus.BAD_REQUEST);
        return problem(ex, ProblemDetail.forStatusAndDetail(status, "The request's parameters cannot be read."),
                request);
    }

    /** A value of the wrong type (a date that is not a date) names its field like a validation failure. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Optional<BodyTooLargeException> tooLarge = BodyTooLargeException.in(ex);
        if (tooLarge.isPresent()) {
            return bodyTooLarge(tooLarge.get(), request);
        }
        if (ex.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            ProblemDetail problem = validationProblem(HttpStatus.BAD_REQUEST,
                    List.of(new FieldError(fieldPath(jackson), JsonInputErrors.messageFor(jackson))));
            return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not readable JSON of the expected shape.");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * A query or path parameter that is not of its type (a date that is not a date, or outside the
     * supported years) names the parameter like a validation failure.
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : ex.getPropertyName();
        if (name == null) {
            return super.handleTypeMismatch(ex, headers, status, request);
        }
        String message = invalidValue(ex).map(Throwable::getMessage).orElseGet(() ->
                "is not a valid " + (ex.getRequiredType() == null ? "value" : ex.getRequiredType().getSimpleName()));
        ProblemDetail problem = validationProblem(HttpStatus.BAD_REQUEST, List.of(new FieldError(name, message)));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** What a parameter's converter said was wrong, however deep the binder wrapped it (a list's element). */
    private static Optional<InvalidValueException> invalidValue(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidValueException invalid) {
                return Optional.of(invalid);
            }
        }
        return Optional.empty();
    }

    /** The JSON path of a value Jackson could not read, e.g. {@code expiryDate} or {@code skills.[2]}. */
    public static String fieldPath(JacksonException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "body" : path;
    }

    @ExceptionHandler({OptimisticLockingFailureException.class, OptimisticLockException.class})
    ResponseEntity<Object> concurrentChange(Exception ex, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The resource was changed by someone else; reload it and try again.");
        problem.setType(ProblemTypes.CONCURRENT_MODIFICATION);
        return problem(ex, problem, request);
    }

    /**
     * A write that still met rows locked by another transaction (lock wait timeout, deadlock) after
     * the chassis's retries ({@link LockContention}): the caller may simply try again.
     */
    @ExceptionHandler({PessimisticLockingFailureException.class, PessimisticLockException.class,
            LockTimeoutException.class})
    ResponseEntity<Object> lockContention(Exception ex, WebRequest request) {
        log.warn("Gave up on {} after {} attempts that met locked rows: {}", request.getDescription(false),
                LockContention.MAX_ATTEMPTS, ex.getMessage());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, LOCK_CONTENTION_RETRY_AFTER_SECONDS);
        return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The data is busy with other changes; try again in a moment."), headers,
                HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    @ExceptionHandler(PreconditionFailedException.class)
    ResponseEntity<Object> preconditionFailed(PreconditionFailedException ex, WebRequest request) {
        return problem(ex, ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, ex.getMessage()), request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrityViolation(DataIntegrityViolationException ex, WebRequest request) {
        // the constraint's name and values stay in the log: they describe the schema, not the request
        log.info("Request refused by a database constraint: {}", ex.getMostSpecificCause().getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The change conflicts with existing data.");
        return problem(ex, problem, request);
    }

    /** Security decides 401/403 itself (entry point, access-denied handler): let those through. */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void securityException(RuntimeException ex) {
        throw ex;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("Unexpected error on {}", request.getDescription(false), ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred.");
        return problem(ex, problem, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            ProblemTypes.applyDefault(problem);
            if (headers.getContentType() == null) {
                // set, not negotiated: an Accept header that cannot be parsed (the 406 itself) would
                // otherwise make Spring drop the body and answer an empty error
                HttpHeaders problemHeaders = new HttpHeaders();
                problemHeaders.addAll(headers);
                problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
                return super.createResponseEntity(body, problemHeaders, statusCode, request);
            }
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    static ProblemDetail validationProblem(HttpStatus status, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, VALIDATION_DETAIL);
        problem.setType(ProblemTypes.VALIDATION);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static List<FieldError> fieldErrors(BindingResult result) {
        List<FieldError> errors = new ArrayList<>();
        result.getFieldErrors().forEach(e -> errors.add(new FieldError(e.getField(), e.getDefaultMessage())));
        result.getGlobalErrors().forEach(e -> errors.add(new FieldError(e.getObjectName(), e.getDefaultMessage())));
        return errors;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private ResponseEntity<Object> problem(Exception ex, ProblemDetail problem, WebRequest request) {
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatusCode.valueOf(problem.getStatus()),
                request);
    }
}
