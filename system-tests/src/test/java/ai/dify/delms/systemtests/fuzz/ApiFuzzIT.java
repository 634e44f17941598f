package ai.dify.delms.systemtests.fuzz;

import ai.dify.delms.systemtests.support.Gateway;
import ai.dify.delms.systemtests.support.SystemTest;
import ai.dify.delms.systemtests.support.SystemUnderTest;
import ai.dify.delms.systemtests.support.Tokens;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fuzz suite: every operation of the five OpenAPI documents, staff and partner, gets requests
 * generated from its document with one thing broken each (parameters, headers, bodies, the request
 * as a whole; see {@link CaseGenerator}), sent through the gateway with real tokens (alice for the
 * staff API, the two partner clients for the partner API). Every answer must be an answer, not a
 * 5xx, an error as problem+json with a plausible 4xx, free of stack traces, class names and SQL;
 * whatever was refused must have written nothing (see {@link WriteWatch}).
 * <p>
 * Bounded and repeatable: {@code delms.fuzz.seed} (printed) fixes every request;
 * {@code delms.fuzz.cases-per-operation}, {@code delms.fuzz.max-requests} and
 * {@code delms.fuzz.max-duration} bound the run. All failures are collected and reported together,
 * grouped, each group with a request that reproduces it; the report is also written to
 * {@code target/fuzz/report.md}.
 */
@SystemTest
@Order(55)
class ApiFuzzIT {

    private static final long DEFAULT_SEED = 20_261_207L;

    private final long seed = Long.getLong("delms.fuzz.seed", DEFAULT_SEED);
    /** Operations with a body have more to break: they get twice as many. */
    private final int casesPerOperation = Integer.getInteger("delms.fuzz.cases-per-operation", 45);
    private final int maxRequests = Integer.getInteger("delms.fuzz.max-requests", 5_000);
    private final Duration maxDuration = Duration.parse(System.getProperty("delms.fuzz.max-duration", "PT5M"));

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void everyOperationAnswersMalformedRequestsWithAProblemAndWritesNothing() {
        System.out.println("[fuzz] seed " + seed + " (-Ddelms.fuzz.seed=" + seed + " repeats this run)");
        OpenApiDocuments documents = OpenApiDocuments.read(Gateway.local());
        List<ApiOperation> operations = documents.operations().stream()
                .sorted(Comparator.comparing(ApiOperation::service).thenComparing(ApiOperation::path).thenComparing(ApiOperation::method))
                .toList();
        String runMarker = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000_000L, 36);
        Tokens tokens = Tokens.fromKeycloak();
        CaseGenerator generator = new CaseGenerator(operations, runMarker, Fixtures.create(Gateway.local(), tokens, runMarker));
        Instant started = Instant.now();
        int skipped = 0;
        FuzzRun run;
        try (RawHttp http = new RawHttp(SystemUnderTest.gateway())) {
            run = new FuzzRun(documents, http, tokens, new WriteWatch());
            documents.problems().forEach(run.findings()::addDocumentProblem);
            for (ApiOperation operation : operations) {
                if (run.requests() >= maxRequests || Duration.between(started, Instant.now()).compareTo(maxDuration) > 0) {
                    skipped++;
                    continue;
                }
                int budget = operation.bodySchema() == null ? casesPerOperation : 2 * casesPerOperation;
                run.batch(operation, generator.casesFor(operation, seed, budget));
            }
        }
        Duration took = Duration.between(started, Instant.now());
        operations.stream().filter(ApiOperation::startsWork).forEach(operation -> awaitFinished(operation.path(), tokens));

        String summary = "[fuzz] " + operations.size() + " operations (" + skipped + " left out: budget spent), " + run.summary()
                + ", " + took.toSeconds() + " s; failures by kind: " + run.findings().countsByKind();
        String report = run.findings().report(seed);
        System.out.println(summary);
        write("report.md", summary + "\n\n" + report);
        write("requests.tsv", String.join("\n", run.log()) + "\n");

        assertThat(operations).as("operations read from the five documents").hasSizeGreaterThan(50);
        assertThat(run.findings().isEmpty()).as("%s%n%s", summary, report).isTrue();
    }

    /**
     * A refused request that started work anyway (a rebuild, a snapshot) leaves it running: let it
     * finish before the next test class. The state is read where the work is started.
     */
    private static void awaitFinished(String path, Tokens tokens) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                !"RUNNING".equals(Gateway.local().get(path, tokens.alice()).json().path("state").asString("")));
    }

    private static void write(String name, String text) {
        try {
            Path file = Path.of("target", "fuzz", name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
