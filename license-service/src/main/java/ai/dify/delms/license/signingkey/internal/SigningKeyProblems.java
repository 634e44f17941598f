package ai.dify.delms.license.signingkey.internal;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A signature asked for while the ACTIVE key cannot be opened: 500 problem+json of its own type, so
 * that a client can tell "the service is misconfigured" from any other failure. Ahead of the
 * chassis's handler, which would answer a plain 500. What to fix is in the log, not in the answer.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SigningKeyProblems {

    static final URI UNREADABLE = URI.create("urn:delms:problem:license-signing-key-unreadable");

    @ExceptionHandler(SigningKeyUnreadableException.class)
    ResponseEntity<ProblemDetail> unreadable(SigningKeyUnreadableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "License files cannot be signed: the active license signing key " + e.kid() + " cannot be decrypted "
                        + "with the configured key-encryption key. An operator must set the key-encryption key it was "
                        + "encrypted with (the service log names it) or rotate the signing key.");
        problem.setType(UNREADABLE);
        problem.setTitle("License signing key unreadable");
        problem.setProperty("kid", e.kid());
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
