package ai.dify.delms.gateway;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browsers and Prometheus keep HTTP/1.1 connections open between requests. Reactor Netty 1.3.6
 * sometimes stopped reading such a connection after a large response, leaving the next request but
 * one unanswered; the pinned version must answer every request.
 */
class GatewayKeepAliveIT extends LiveServicesTestSupport {

    @Test
    void everyRequestOnAKeptAliveConnectionIsAnswered() {
        String admin = issuer.tokenFor("alice", "admin");
        for (int round = 0; round < 40; round++) {
            // the API port: a large response (the API docs page's script), then small ones
            assertThat(get("/api/v1/swagger-ui/swagger-ui-bundle.js", null).statusCode()).as("round %d", round).isEqualTo(200);
            assertThat(get("/actuator/env", admin).statusCode()).as("round %d", round).isEqualTo(404);
            assertThat(get("/api/v1/licenses", null).statusCode()).as("round %d", round).isEqualTo(401);
            // the management port, as a scraper and a probe use it
            assertThat(getManagement("/actuator/prometheus").statusCode()).as("round %d", round).isEqualTo(200);
            assertThat(getManagement("/actuator/health").statusCode()).as("round %d", round).isEqualTo(200);
        }
    }
}
