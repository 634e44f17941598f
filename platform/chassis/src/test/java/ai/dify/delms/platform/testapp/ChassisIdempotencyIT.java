package ai.dify.delms.platform.testapp;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ai.dify.delms.platform.idempotency.IdempotencyFilter;
import ai.dify.delms.platform.test.DelmsServiceTest;
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

    private static MockHttpServletRequestBuilder create(String name, String key, String token) {
        return post("/api/v1/widgets").header("Authorization", bearer(token)).header(IdempotencyFilter.HEADER, key)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + name + "\",\"size\":1}");
    }

    private long widgets(String name) {
        return jdbc.queryForObject("select count(*) from widget where name = ?", Long.class, name);
    }
}
