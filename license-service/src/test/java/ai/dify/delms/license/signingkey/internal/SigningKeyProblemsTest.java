package ai.dify.delms.license.signingkey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** What a caller of a signing endpoint gets while the active key cannot be opened. */
class SigningKeyProblemsTest {

    @Test
    void anUnreadableKeyIsA500OfItsOwnTypeNamingTheKeyButNotTheKeks() {
        ResponseEntity<ProblemDetail> answer = new SigningKeyProblems().unreadable(new SigningKeyUnreadableException(
                "lk-20261207-3f9a2c", "sealed with the key-encryption key 0123456789abcdef, configured: fedcba9876543210"));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ProblemDetail problem = answer.getBody();
        assertThat(problem.getType().toString()).isEqualTo("urn:delms:problem:license-signing-key-unreadable");
        assertThat(problem.getDetail()).contains("lk-20261207-3f9a2c", "key-encryption key")
                .doesNotContain("0123456789abcdef", "fedcba9876543210");
        assertThat(problem.getProperties()).containsEntry("kid", "lk-20261207-3f9a2c");
    }
}
