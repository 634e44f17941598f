package ai.dify.delms.platform.testapp;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.transaction.LockContentionRetry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A write that meets a row another transaction holds: MariaDB's lock wait timeout (one second for
 * these connections) ends the attempt, the chassis retries the whole transaction, and answers 503
 * with Retry-After only when every attempt met the lock.
 */
@DelmsServiceTest
@TestPropertySource(properties =
        "spring.datasource.hikari.connection-init-sql=SET SESSION innodb_lock_wait_timeout = 1")
class LockContentionIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    DataSource dataSource;
    @Autowired
    WidgetRepository widgets;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    MeterRegistry meters;

    @Test
    void aWriteThatMetALockedRowIsRetriedAndSucceedsOnceTheRowIsFree() throws Exception {
        Widget widget = newWidget();
        double retriesBefore = retries();
        try (Connection other = lockRow(widget.getId())) {
            CompletableFuture<ResultActions> rename = CompletableFuture.supplyAsync(() -> rename(widget, "after-wait"));
            // the first attempt gave up waiting for the row: let the retry have it
            await().atMost(Duration.ofSeconds(30)).until(() -> retries() > retriesBefore);
            other.rollback();

            rename.get().andExpect(status().isOk()).andExpect(jsonPath("$.name").value("after-wait"));
        }
        assertThat(widgets.findById(widget.getId()).orElseThrow().getName()).isEqualTo("after-wait");
    }

    @Test
    void aWriteThatMeetsTheLockOnEveryAttemptIs503WithRetryAfterAndChangesNothing() throws Exception {
        Widget widget = newWidget();
        double retriesBefore = retries();
        try (Connection other = lockRow(widget.getId())) {
            rename(widget, "never").andExpect(status().isServiceUnavailable())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(header().exists("Retry-After"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("try again")));
            other.rollback();
        }
        assertThat(retries() - retriesBefore).isEqualTo(LockContentionRetry.MAX_ATTEMPTS - 1);
        assertThat(widgets.findById(widget.getId()).orElseThrow().getName()).isEqualTo(widget.getName());
    }

    private Widget newWidget() {
        return transaction.execute(status -> widgets.save(new Widget("lock-" + UUID.randomUUID(), 1)));
    }

    /** A second transaction, on its own connection, holding the widget's row until it ends. */
    private Connection lockRow(UUID id) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement("select name from widget where id = ? for update")) {
            lock.setString(1, id.toString());
            lock.executeQuery().close();
        }
        return connection;
    }

    private ResultActions rename(Widget widget, String name) {
        try {
            return mvc.perform(put("/api/v1/widgets/" + widget.getId())
                    .header("Authorization", bearer(tokens.adminToken()))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + name + "\"}"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private double retries() {
        Counter counter = meters.find(LockContentionRetry.RETRIES_METRIC).counter();
        return counter == null ? 0 : counter.count();
    }
}
