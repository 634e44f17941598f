package ai.dify.delms.platform.testapp;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ai.dify.delms.platform.idempotency.IdempotencyFilter;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.Interleaving;
import ai.dify.delms.platform.test.TestTokens;
import tools.jackson.databind.json.JsonMapper;

@DelmsServiceTest
class ChassisIdempotencyIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;
    @MockitoSpyBean
    WidgetService widgetService;

    @Test
    void retryWithTheSameKeyAndBodyReplaysTheFirstResponseAndCreatesNothing() throws Exception {
        String name = "idem-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        MockHttpServletResponse first = mvc.perform(create(name, key, tokens.adminToken()))
                .andExpect(status().isCreated()).andReturn().getResponse();

        mvc.perform(create(name, key, tokens.adminToken()))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", first.getHeader("Location")))
                .andExpect(header().string("ETag", first.getHeader("ETag")))
                .andExpect(header().string(IdempotencyFilter.REPLAYED_HEADER, "true"))
                .andExpect(content().json(first.getContentAsString()));
        assertThat(widgets(name)).isEqualTo(1);
    }

    @Test
    void sameKeyWithAnotherBodyIs422AndWritesNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        mvc.perform(create("idem-" + UUID.randomUUID(), key, tokens.adminToken())).andExpect(status().isCreated());
        String other = "idem-" + UUID.randomUUID();
        mvc.perform(create(other, key, tokens.adminToken()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(IdempotencyFilter.HEADER));
        assertThat(widgets(other)).isZero();
    }

    @Test
    void keysBelongToTheirCaller() throws Exception {
        String key = UUID.randomUUID().toString();
        mvc.perform(create("idem-" + UUID.randomUUID(), key, tokens.adminToken())).andExpect(status().isCreated());
        String second = "idem-" + UUID.randomUUID();
        mvc.perform(create(second, key, tokens.salesToken())).andExpect(status().isCreated())
                .andExpect(header().doesNotExist(IdempotencyFilter.REPLAYED_HEADER));
        assertThat(widgets(second)).isEqualTo(1);
    }

    @Test
    void failedFirstRequestStoresNothingSoTheRetryRuns() throws Exception {
        String name = "idem-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        mvc.perform(post("/api/v1/widgets").header("Authorization", bearer(tokens.adminToken()))
                        .header(IdempotencyFilter.HEADER, key).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\",\"size\":99}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/widgets").header("Authorization", bearer(tokens.adminToken()))
                        .header(IdempotencyFilter.HEADER, key).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\",\"size\":99}"))
                .andExpect(status().isBadRequest())
                .andExpect(header().doesNotExist(IdempotencyFilter.REPLAYED_HEADER));
        assertThat(jdbc.queryForObject("select count(*) from idempotency_key where idempotency_key = ?", Long.class,
                key)).isZero();
    }

    @Test
    void overlongKeyIs400() throws Exception {
        mvc.perform(create("idem-" + UUID.randomUUID(), "k".repeat(201), tokens.adminToken()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(IdempotencyFilter.HEADER));
    }

    @Test
    void concurrentDuplicatesCreateOneWidget() throws Exception {
        String name = "idem-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String token = tokens.adminToken();
        int callers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<MockHttpServletResponse>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Callable<MockHttpServletResponse> call = () -> {
                    start.await();
                    return mvc.perform(create(name, key, token)).andReturn().getResponse();
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<String> ids = new ArrayList<>();
            for (Future<MockHttpServletResponse> result : results) {
                MockHttpServletResponse response = result.get();
                // the winner and replays: 201 with the same widget; a retry racing the winner: 409
                assertThat(response.getStatus()).isIn(201, 409);
                if (response.getStatus() == 201) {
                    ids.add(json.readTree(response.getContentAsString()).get("id").asString());
                }
            }
            assertThat(ids).isNotEmpty();
            assertThat(ids).allMatch(ids.get(0)::equals);
        } finally {
            pool.shutdownNow();
        }
        assertThat(widgets(name)).isEqualTo(1);
    }

    @Test
    void aFailureStoringTheResponseUndoesTheRequestSoItsRetryCreatesOneWidget() throws Exception {
        String name = "idem-" + UUID.randomUUID();
        String key = "store-fails-" + UUID.randomUUID();
        failStoringResponsesFor(key);
        try {
            assertThat(statusOf(create(name, key, tokens.adminToken()))).isEqualTo(500);
        } finally {
            jdbc.update("delete from idempotency_store_failure where idempotency_key = ?", key);
        }

        mvc.perform(create(name, key, tokens.adminToken())).andExpect(status().isCreated())
                .andExpect(header().doesNotExist(IdempotencyFilter.REPLAYED_HEADER));
        mvc.perform(create(name, key, tokens.adminToken())).andExpect(status().isCreated())
                .andExpect(header().string(IdempotencyFilter.REPLAYED_HEADER, "true"));
        assertThat(widgets(name)).isEqualTo(1);
    }

    @Test
    void aClaimAbandonedLongerThanTheClaimTimeoutIsTakenOverAFreshOneIs409() throws Exception {
        String caller = callerOf(tokens.adminToken());
        String abandoned = UUID.randomUUID().toString();
        String abandonedName = "idem-" + UUID.randomUUID();
        // as if the instance that claimed the key crashed ten minutes ago, before the request committed
        claimedEarlier(caller, abandoned, abandonedName, Duration.ofMinutes(10));
        mvc.perform(create(abandonedName, abandoned, tokens.adminToken())).andExpect(status().isCreated());
        assertThat(widgets(abandonedName)).isEqualTo(1);

        String running = UUID.randomUUID().toString();
        String runningName = "idem-" + UUID.randomUUID();
        claimedEarlier(caller, running, runningName, Duration.ZERO);
        mvc.perform(create(runningName, running, tokens.adminToken())).andExpect(status().isConflict());
        assertThat(widgets(runningName)).isZero();
    }

    @Test
    void aRequestWhoseClaimWasTakenOverMeanwhileChangesNothingAndAnswers409() throws Exception {
        String name = "idem-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        // while the request runs, its claim expires and a retry with the key takes it over
        doAnswer(Interleaving.first(() -> jdbc.update(
                "update idempotency_key set claim_token = ? where idempotency_key = ?", UUID.randomUUID().toString(),
                key))).when(widgetService).create(anyString(), anyInt());

        mvc.perform(create(name, key, tokens.adminToken())).andExpect(status().isConflict());

        assertThat(widgets(name)).isZero();
        assertThat(jdbc.queryForObject("select state from idempotency_key where idempotency_key = ?", String.class,
                key)).isEqualTo("IN_PROGRESS");
    }

    /** A trigger fails the update that stores the response of a request with one of the listed keys. */
    private void failStoringResponsesFor(String key) {
        jdbc.execute("create table if not exists idempotency_store_failure (idempotency_key varchar(200) primary key)");
        jdbc.execute("drop trigger if exists idempotency_store_fails");
        jdbc.execute("create trigger idempotency_store_fails before update on idempotency_key for each row begin "
                + "if new.state = 'COMPLETED' and exists (select 1 from idempotency_store_failure f "
                + "where f.idempotency_key = new.idempotency_key) then "
                + "signal sqlstate '45000' set message_text = 'storing the response failed'; end if; end");
        jdbc.update("insert into idempotency_store_failure (idempotency_key) values (?)", key);
    }

    /**
     * The status the container answers: MockMvc has no container error page, so an exception out
     * of the filter chain is what a servlet container answers with a 500.
     */
    private int statusOf(MockHttpServletRequestBuilder request) {
        try {
            return mvc.perform(request).andReturn().getResponse().getStatus();
        } catch (Exception escaped) {
            return 500;
        }
    }

    private String callerOf(String token) throws Exception {
        String key = UUID.randomUUID().toString();
        mvc.perform(create("idem-" + UUID.randomUUID(), key, token)).andExpect(status().isCreated());
        return jdbc.queryForObject("select caller from idempotency_key where idempotency_key = ?", String.class, key);
    }

    /** A claim of {@code key} for the widget request {@link #create} makes, whose request never finished. */
    private void claimedEarlier(String caller, String key, String name, Duration ago) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        // the filter's request hash: method, path, query and body
        sha.update("POST /api/v1/widgets?\n".getBytes(StandardCharsets.UTF_8));
        sha.update(widgetBody(name).getBytes(StandardCharsets.UTF_8));
        jdbc.update("insert into idempotency_key (caller, idempotency_key, request_hash, state, created_at, claim_token) "
                + "values (?, ?, ?, 'IN_PROGRESS', ?, ?)", caller, key, HexFormat.of().formatHex(sha.digest()),
                Timestamp.from(Instant.now().minus(ago)), UUID.randomUUID().toString());
    }

    private static String widgetBody(String name) {
        return "{\"name\":\"" + name + "\",\"size\":1}";
    }

    private static MockHttpServletRequestBuilder create(String name, String key, String token) {
        return post("/api/v1/widgets").header("Authorization", bearer(token)).header(IdempotencyFilter.HEADER, key)
                .contentType(MediaType.APPLICATION_JSON).content(widgetBody(name));
    }

    private long widgets(String name) {
        return jdbc.queryForObject("select count(*) from widget where name = ?", Long.class, name);
    }
}
