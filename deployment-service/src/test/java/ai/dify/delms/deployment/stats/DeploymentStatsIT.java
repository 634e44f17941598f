package ai.dify.delms.deployment.stats;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.deployment.DeploymentTestData;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Statistics on a data set built through the API, whose expected figures the test derives from the
 * set itself. Its own application context, hence its own database: other tests' deployments would
 * change the totals.
 */
@DelmsServiceTest
@TestPropertySource(properties = "delms.test.context=deployment-stats")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeploymentStatsIT {

    private static final String STATS = "/api/v1/stats/deployments";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final LocalDate FROM = TODAY.minusDays(30);
    private static final LocalDate TO = TODAY.plusDays(30);

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestKafka kafka;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;

    /** One deployment of the data set and what became of it. */
    record Planned(String engineerId, Instant licenseCreatedAt, LocalDate scheduledDate, String outcome,
            Instant completedAt) {
    }

    final List<Planned> dataSet = new ArrayList<>();
    String ada;
    String ben;
    String cy;

    @BeforeAll
    void buildDataSet() throws Exception {
        DeploymentTestData data = new DeploymentTestData(mvc, tokens, kafka, jdbc, json);
        ada = data.engineer("Ada Stats");
        ben = data.engineer("Ben Stats");
        cy = data.engineer("Cy Idle");
        Instant now = Instant.now();
        // engineer, license created days ago, scheduled relative to today, outcome
        Object[][] plan = {
                {ada, 10, -2, "COMPLETED"}, {ada, 4, 5, "COMPLETED"}, {ada, 20, 0, "COMPLETED"},
                {ada, 41, -40, "COMPLETED"}, {ada, 3, 3, "FAILED"}, {ada, 2, 10, "SCHEDULED"},
                {ben, 7, 1, "COMPLETED"}, {ben, 3, 2, "COMPLETED"}, {ben, 1, 60, "CANCELLED"},
                {ben, 1, -90, "IN_PROGRESS"}};
        for (Object[] row : plan) {
            String engineer = (String) row[0];
            Instant created = now.minus(Duration.ofDays((Integer) row[1]));
            LocalDate scheduled = TODAY.plusDays((Integer) row[2]);
            String outcome = (String) row[3];
            String id = data.scheduled(data.license(created), engineer, scheduled);
            Instant completedAt = null;
            switch (outcome) {
                case "COMPLETED" -> {
                    data.moved(id, "IN_PROGRESS", null);
                    data.moved(id, "COMPLETED", null);
                    completedAt = Instant.parse(json.readTree(mvc.perform(get("/api/v1/deployments/" + id)
                                    .header("Authorization", bearer(tokens.adminToken())))
                            .andReturn().getResponse().getContentAsString()).get("completedAt").asString());
                }
                case "FAILED" -> {
                    data.moved(id, "IN_PROGRESS", null);
                    data.move(tokens.engineerToken(), id, "FAILED", "network down").andExpect(status().isOk());
                }
                case "CANCELLED" -> data.moved(id, "CANCELLED", null);
                case "IN_PROGRESS" -> data.moved(id, "IN_PROGRESS", null);
                default -> { }
            }
            dataSet.add(new Planned(engineer, created, scheduled, outcome, completedAt));
        }
    }

    @Test
    void figuresPerEngineerAndInTotalMatchTheDataSet() throws Exception {
        JsonNode stats = stats(Map.of("from", FROM.toString(), "to", TO.toString()));

        assertThat(stats.get("from").asString()).isEqualTo(FROM.toString());
        assertThat(stats.get("to").asString()).isEqualTo(TO.toString());
        JsonNode engineers = stats.get("engineers");
        // engineers with something in the period, by name; Cy had nothing
        assertThat(engineers.size()).isEqualTo(2);
        assertThat(engineers.get(0).get("engineerName").asString()).isEqualTo("Ada Stats");
        assertThat(engineers.get(1).get("engineerName").asString()).isEqualTo("Ben Stats");
        assertFigures(engineers.get(0), expectedFor(dataSet.stream().filter(p -> p.engineerId().equals(ada)).toList()));
        assertFigures(engineers.get(1), expectedFor(dataSet.stream().filter(p -> p.engineerId().equals(ben)).toList()));
        assertFigures(stats.get("totals"), expectedFor(dataSet));
    }

    @Test
    void theDataSetGivesTheFiguresWorkedOutByHand() throws Exception {
        // a second, literal check of the same figures, so a shared mistake in expectedFor shows
        JsonNode stats = stats(Map.of("from", FROM.toString(), "to", TO.toString()));
        JsonNode totals = stats.get("totals");
        assertThat(totals.get("scheduled").asLong()).isEqualTo(7);
        assertThat(totals.get("completed").asLong()).isEqualTo(6);
        assertThat(totals.get("failed").asLong()).isEqualTo(1);
        JsonNode adaFigures = stats.get("engineers").get(0);
        assertThat(adaFigures.get("scheduled").asLong()).isEqualTo(5);
        assertThat(adaFigures.get("completed").asLong()).isEqualTo(4);
        assertThat(adaFigures.get("onTimeRate").asDouble()).isCloseTo(0.5, within(1e-9));
        JsonNode benFigures = stats.get("engineers").get(1);
        assertThat(benFigures.get("onTimeRate").asDouble()).isCloseTo(1.0, within(1e-9));
        if (dataSet.stream().allMatch(p -> p.completedAt() == null
                || LocalDate.ofInstant(p.completedAt(), ZoneOffset.UTC).equals(TODAY))) {
            // whole days from creation to completion: Ada 4, 10, 20, 41; Ben 3, 7 (unless midnight passed)
            assertThat(adaFigures.get("medianDaysToDeployment").asDouble()).isEqualTo(15.0);
            assertThat(benFigures.get("medianDaysToDeployment").asDouble()).isEqualTo(5.0);
            assertThat(totals.get("medianDaysToDeployment").asDouble()).isEqualTo(8.5);
        }
    }

    @Test
    void oneEngineerOnly() throws Exception {
        JsonNode stats = stats(Map.of("from", FROM.toString(), "to", TO.toString(), "engineerId", ben));
        assertThat(stats.get("engineerId").asString()).isEqualTo(ben);
        assertThat(stats.get("engineers").size()).isEqualTo(1);
        List<Planned> bens = dataSet.stream().filter(p -> p.engineerId().equals(ben)).toList();
        assertFigures(stats.get("engineers").get(0), expectedFor(bens));
        assertFigures(stats.get("totals"), expectedFor(bens));
    }

    @Test
    void aPeriodWithoutCompletionsHasNoMedianAndNoRate() throws Exception {
        LocalDate from = TODAY.minusDays(100);
        JsonNode stats = stats(Map.of("from", from.toString(), "to", TODAY.minusDays(50).toString()));
        // only Ben's deployment scheduled 90 days ago (still in progress) falls in it
        assertThat(stats.get("engineers").size()).isEqualTo(1);
        JsonNode totals = stats.get("totals");
        assertThat(totals.get("scheduled").asLong()).isEqualTo(1);
        assertThat(totals.get("completed").asLong()).isZero();
        assertThat(totals.get("failed").asLong()).isZero();
        assertThat(totals.get("medianDaysToDeployment").isNull()).isTrue();
        assertThat(totals.get("onTimeRate").isNull()).isTrue();
    }

    @Test
    void periodIsRequiredAndInOrderAndOnlyStaffReads() throws Exception {
        mvc.perform(get(STATS).param("to", TO.toString()).header("Authorization", bearer(tokens.salesToken())))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get(STATS).param("from", TO.toString()).param("to", FROM.toString())
                        .header("Authorization", bearer(tokens.salesToken())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get(STATS).param("from", "yesterday").param("to", TO.toString())
                        .header("Authorization", bearer(tokens.salesToken())))
                .andExpect(status().isBadRequest());
        mvc.perform(get(STATS).param("from", FROM.toString()).param("to", TO.toString()))
                .andExpect(status().isUnauthorized());
        mvc.perform(get(STATS).param("from", FROM.toString()).param("to", TO.toString())
                .header("Authorization", bearer(tokens.partnerToken("acme")))).andExpect(status().isForbidden());
        for (String token : List.of(tokens.adminToken(), tokens.engineerToken())) {
            mvc.perform(get(STATS).param("from", FROM.toString()).param("to", TO.toString())
                    .header("Authorization", bearer(token))).andExpect(status().isOk());
        }
    }

    @Test
    void datesAtTheEdgeOfTheCalendarAreRefusedNamingTheParameter() throws Exception {
        String end = "+999999999-12-31";
        mvc.perform(get(STATS).param("from", end).param("to", end).header("Authorization", bearer(tokens.salesToken())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
    }

    /** Figures as the test expects them. */
    record Expected(long scheduled, long completed, long failed, Double median, Double onTimeRate) {
    }

    /** The figures a deployment list should give for the period, worked out directly from the data set. */
    private static Expected expectedFor(Collection<Planned> planned) {
        List<Planned> completed = planned.stream().filter(p -> p.outcome().equals("COMPLETED")
                && inPeriod(LocalDate.ofInstant(p.completedAt(), ZoneOffset.UTC))).toList();
        List<Long> days = completed.stream().map(p -> ChronoUnit.DAYS.between(
                LocalDate.ofInstant(p.licenseCreatedAt(), ZoneOffset.UTC),
                LocalDate.ofInstant(p.completedAt(), ZoneOffset.UTC))).sorted().toList();
        Double median = days.isEmpty() ? null : days.size() % 2 == 1 ? (double) days.get(days.size() / 2)
                : (days.get(days.size() / 2 - 1) + days.get(days.size() / 2)) / 2.0;
        long onTime = completed.stream().filter(p -> !LocalDate.ofInstant(p.completedAt(), ZoneOffset.UTC)
                .isAfter(p.scheduledDate())).count();
        return new Expected(planned.stream().filter(p -> inPeriod(p.scheduledDate())).count(), completed.size(),
                // failures happen today, inside the period
                planned.stream().filter(p -> p.outcome().equals("FAILED")).count(), median,
                completed.isEmpty() ? null : (double) onTime / completed.size());
    }

    private static boolean inPeriod(LocalDate date) {
        return !date.isBefore(FROM) && !date.isAfter(TO);
    }

    private static void assertFigures(JsonNode actual, Expected expected) {
        assertThat(actual.get("scheduled").asLong()).as("scheduled").isEqualTo(expected.scheduled());
        assertThat(actual.get("completed").asLong()).as("completed").isEqualTo(expected.completed());
        assertThat(actual.get("failed").asLong()).as("failed").isEqualTo(expected.failed());
        assertThat(actual.get("medianDaysToDeployment").asDouble()).as("median")
                .isCloseTo(expected.median(), within(1e-9));
        assertThat(actual.get("onTimeRate").asDouble()).as("on-time rate")
                .isCloseTo(expected.onTimeRate(), within(1e-9));
    }

    private JsonNode stats(Map<String, String> params) throws Exception {
        var request = get(STATS).header("Authorization", bearer(tokens.engineerToken()));
        params.forEach(request::param);
        String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

}
