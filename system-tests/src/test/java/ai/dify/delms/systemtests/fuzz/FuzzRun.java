package ai.dify.delms.systemtests.fuzz;

import ai.dify.delms.systemtests.support.Tokens;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends the cases of each operation as one batch, checks every answer, and checks that what was
 * refused wrote nothing: per request through the audit log, per batch through the tables. Stops
 * starting new batches once the request or time budget is spent.
 */
final class FuzzRun {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final int MAX_RATE_LIMIT_WAITS = 5;

    private final OpenApiDocuments documents;
    private final RawHttp http;
    private final Tokens tokens;
    private final WriteWatch writes;
    private final Findings findings = new Findings();
    private final Map<String, Integer> acceptedWrites = new LinkedHashMap<>();
    /** One line per request: operation, case, status; for reading a run back (target/fuzz/requests.tsv). */
    private final List<String> log = new ArrayList<>();
    private int requests;
    private int batchesCompared;
    private int batchesSkipped;
    private int partnerTurn;

    FuzzRun(OpenApiDocuments documents, RawHttp http, Tokens tokens, WriteWatch writes) {
        this.documents = documents;
        this.http = http;
        this.tokens = tokens;
        this.writes = writes;
    }

    /** One operation's cases, in order; failures are collected, never thrown. */
    void batch(ApiOperation operation, List<FuzzCase> cases) {
        AnswerCheck check = new AnswerCheck(documents.validator(operation.service()));
        WriteWatch.Snapshot before = writes.snapshot(operation.database());
        boolean wroteOnPurpose = false;
        for (FuzzCase fuzzCase : cases) {
            RawHttp.Answer answer = send(fuzzCase);
            String excerpt = answer.status() + " [" + answer.contentType() + "] " + Excerpt.of(answer.body(), 300);
            log.add(operation + "\t" + fuzzCase.name() + "\t" + (fuzzCase.mustBeRefused() ? "refuse" : "either") + "\t" + answer.status()
                    + "\t" + answer.took().toMillis());
            for (String[] failure : check.failures(fuzzCase, answer)) {
                findings.add(failure[0], fuzzCase, failure[1], excerpt);
            }
            if (WRITES.contains(operation.method())) {
                List<Map<String, Object>> written = writes.auditRowsSinceLastLook(operation.database());
                boolean accepted = answer.status() >= 200 && answer.status() < 300;
                if (!written.isEmpty() && !accepted) {
                    findings.add("refused request wrote", fuzzCase, "answered " + answer.status() + " but wrote " + written, excerpt);
                }
                if (!written.isEmpty()) {
                    wroteOnPurpose |= accepted;
                    acceptedWrites.merge(fuzzCase.family(), accepted ? 1 : 0, Integer::sum);
                }
            }
        }
        if (wroteOnPurpose) {
            // an accepted write changes the tables: the audit check above covered each request
            batchesSkipped++;
            return;
        }
        List<String> changed = before.differencesTo(writes.snapshot(operation.database()));
        batchesCompared++;
        if (!changed.isEmpty()) {
            findings.add("refused requests changed tables", cases.get(0), operation.database() + ": " + changed,
                    "(after the batch of " + cases.size() + " requests)");
        }
    }

    private RawHttp.Answer send(FuzzCase fuzzCase) {
        RawHttp.Answer answer = null;
        for (int attempt = 0; attempt <= MAX_RATE_LIMIT_WAITS; attempt++) {
            FuzzRequest request = fuzzCase.request().withHeader("Authorization", "Bearer " + tokenFor(fuzzCase.operation()));
            answer = http.exchange(request);
            requests++;
            if (answer.status() != 429) {
                return answer;
            }
            // a partner's limit is 10 a second: wait as a well-behaved client would
            sleep(Duration.ofSeconds(answer.header("Retry-After").map(FuzzRun::seconds).orElse(1L)));
        }
        return answer;
    }

    private String tokenFor(ApiOperation operation) {
        if (!operation.partner()) {
            return tokens.alice();
        }
        // the two partner clients take turns: each has its own rate limit bucket
        return partnerTurn++ % 2 == 0 ? tokens.partnerAcme() : tokens.partnerGlobex();
    }

    private static long seconds(String retryAfter) {
        try {
            return Math.max(1, Long.parseLong(retryAfter.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Findings findings() {
        return findings;
    }

    List<String> log() {
        return log;
    }

    int requests() {
        return requests;
    }

    String summary() {
        List<String> accepted = new ArrayList<>();
        acceptedWrites.forEach((family, count) -> {
            if (count > 0) {
                accepted.add(family + " x" + count);
            }
        });
        return requests + " requests; table checks: " + batchesCompared + " batches compared, " + batchesSkipped
                + " skipped (they held accepted writes: " + String.join(", ", accepted) + ")";
    }
}
