package ai.dify.delms.systemtests.fuzz;

import ai.dify.delms.systemtests.support.Json;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What every answer to a fuzzed request must be: no 5xx and an answer at all; an error as
 * {@code application/problem+json} that repeats its status, with a plausible 4xx; a request that
 * must be refused not accepted; no stack trace, Java class name or SQL in any body; a 2xx body as
 * the document describes it.
 */
final class AnswerCheck {

    static final String NO_ANSWER = "no answer";
    static final String SERVER_ERROR = "5xx";
    static final String NOT_PROBLEM = "error without a problem+json body";
    static final String IMPLAUSIBLE = "implausible status";
    static final String ACCEPTED = "must be refused, was accepted";
    static final String LEAK = "internals in the body";
    static final String UNDOCUMENTED = "2xx body differs from the document";

    private static final Pattern STACK_TRACE = Pattern.compile("\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)|Caused by: |\\.java:\\d+\\)");
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:java|javax|jakarta|sun|org\\.springframework|org\\.hibernate|org\\.apache|org\\.mariadb|com\\.fasterxml|tools\\.jackson|io\\.netty|reactor\\.netty|ai\\.dify)\\.[a-z_$][\\w$]*(?:\\.[\\w$]+)+"
                    + "|\\b[A-Z][A-Za-z0-9]*Exception\\b");
    private static final Pattern SQL = Pattern.compile(
            "(?i)\\bselect\\s+[\\w*,.\\s]+\\s+from\\s|\\binsert\\s+into\\b|\\bupdate\\s+\\w+\\s+set\\b|\\bdelete\\s+from\\b|SQLState|SQL \\[|syntax to use near|Duplicate entry|could not execute statement|\\bJDBC\\b|Incorrect string value|Data truncat");

    private final OpenApiInteractionValidator validator;

    AnswerCheck(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    /** The failures of one answer: kind and what is wrong; empty when it is fine. */
    List<String[]> failures(FuzzCase fuzzCase, RawHttp.Answer answer) {
        List<String[]> failures = new ArrayList<>();
        int status = answer.status();
        if (status == 0) {
            failures.add(new String[] {NO_ANSWER, answer.failure()});
            return failures;
        }
        String body = answer.bodyText();
        if (status >= 500) {
            failures.add(new String[] {SERVER_ERROR, status + ""});
        } else if (status >= 400) {
            String problem = problemDefect(answer);
            if (problem != null) {
                failures.add(new String[] {NOT_PROBLEM, problem});
            }
            if (!fuzzCase.plausible().contains(status)) {
                failures.add(new String[] {IMPLAUSIBLE, status + " (plausible: " + fuzzCase.plausible().stream().sorted().map(String::valueOf)
                        .collect(Collectors.joining(", ")) + ")"});
            }
        } else if (status >= 200 && status < 300) {
            if (fuzzCase.mustBeRefused()) {
                failures.add(new String[] {ACCEPTED, status + ""});
            } else {
                String mismatch = documentMismatch(fuzzCase, answer);
                if (mismatch != null) {
                    failures.add(new String[] {UNDOCUMENTED, mismatch});
                }
            }
        } else {
            failures.add(new String[] {IMPLAUSIBLE, status + " (not an answer an API client can use)"});
        }
        leak(body).ifPresent(leak -> failures.add(new String[] {LEAK, leak}));
        return failures;
    }

    private static String problemDefect(RawHttp.Answer answer) {
        String type = answer.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/problem+json")) {
            return "Content-Type '" + answer.contentType() + "', " + answer.body().length + " bytes";
        }
        JsonNode problem;
        try {
            problem = Json.parse(answer.bodyText());
        } catch (RuntimeException notJson) {
            return "problem+json that is no JSON";
        }
        if (problem.path("status").asInt(-1) != answer.status() || problem.path("title").asString("").isBlank()) {
            return "problem without status " + answer.status() + " and a title";
        }
        return null;
    }

    static java.util.Optional<String> leak(String body) {
        for (Pattern pattern : List.of(STACK_TRACE, CLASS_NAME, SQL)) {
            var match = pattern.matcher(body);
            if (match.find()) {
                int from = Math.max(0, match.start() - 40);
                return java.util.Optional.of("'" + body.substring(from, Math.min(body.length(), match.end() + 40)).replaceAll("\\s+", " ") + "'");
            }
        }
        return java.util.Optional.empty();
    }

    private String documentMismatch(FuzzCase fuzzCase, RawHttp.Answer answer) {
        if (!answer.contentType().toLowerCase(Locale.ROOT).startsWith("application/json") || answer.body().length == 0) {
            return null;
        }
        String target = new String(fuzzCase.request().target(), StandardCharsets.ISO_8859_1);
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        if (!fuzzCase.operation().path().contains("{") && !path.equals(fuzzCase.operation().path())) {
            return null;
        }
        try {
            ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(fuzzCase.request().method()),
                    SimpleResponse.Builder.status(answer.status()).withContentType(answer.contentType()).withBody(answer.bodyText()).build());
            if (!report.hasErrors()) {
                return null;
            }
            return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .map(m -> m.getKey() + ": " + m.getMessage()).limit(3).collect(Collectors.joining("; "));
        } catch (RuntimeException unmatched) {
            return null;
        }
    }
}
