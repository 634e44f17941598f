package ai.dify.delms.license.airgap.internal;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused usage report as problem+json of its own type, ahead of the chassis's generic handler. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UsageReportProblems {

    @ExceptionHandler(UsageReportRefusedException.class)
    ResponseEntity<ProblemDetail> refused(UsageReportRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setType(e.type());
        problem.setTitle(e.title());
        e.properties().forEach(problem::setProperty);
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
