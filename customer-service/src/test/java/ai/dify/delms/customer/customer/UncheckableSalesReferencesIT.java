package ai.dify.delms.customer.customer;

import static ai.dify.delms.customer.customer.NewCustomerBuilder.aCustomer;
import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ai.dify.delms.platform.directory.SalesDirectory;
import ai.dify.delms.platform.events.DelmsTopics;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestEvents;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import tools.jackson.databind.json.JsonMapper;

/**
 * A rep or reseller the sales directory has not heard of (created a moment ago, its event still on
 * the way) is looked up at sales-service. Here sales-service is registered in discovery where nothing
 * answers (connection refused): the customer cannot be checked, which is a 503 that says so — never
 * the 422 that would call the rep unknown — and nothing is written. A rep the directory knows needs
 * no call at all.
 */
@DelmsServiceTest
class UncheckableSalesReferencesIT {

    private static final String CUSTOMERS = "/api/v1/customers";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    @DynamicPropertySource
    static void salesServiceThatDoesNotAnswer(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.enabled", () -> "true");
        registry.add("spring.cloud.discovery.client.simple.instances.sales-service[0].uri",
                () -> "http://127.0.0.1:" + closedPort());
    }

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
    @Autowired
    SalesDirectory directory;

    @Test
    void aNewCustomerNamingAnUnheardOfRepOrResellerCannotBeCheckedAndIsNotCreated() throws Exception {
        long before = customers();
        UUID rep = UUID.randomUUID();
        uncheckable(as(post(CUSTOMERS).contentType(MediaType.APPLICATION_JSON)
                .content(aCustomer().with("salesRepId", rep.toString()).toJson())), "sales rep " + rep);
        UUID reseller = UUID.randomUUID();
        uncheckable(as(post(CUSTOMERS).contentType(MediaType.APPLICATION_JSON)
                .content(aCustomer().with("resellerId", reseller.toString()).toJson())), "reseller " + reseller);

        assertThat(customers()).isEqualTo(before);
        assertThat(directory.salesRep(rep)).as("nothing learnt of the rep").isEmpty();
    }

    @Test
    void namingAnUnheardOfRepOnACustomerCannotBeCheckedAndChangesNothing() throws Exception {
        String id = created(as(post(CUSTOMERS).contentType(MediaType.APPLICATION_JSON).content(aCustomer().toJson())));
        UUID rep = UUID.randomUUID();

        uncheckable(as(patch(CUSTOMERS + "/" + id).contentType(MERGE_PATCH)
                .content("{\"salesRepId\":\"" + rep + "\"}")), "sales rep " + rep);

        as(get(CUSTOMERS + "/" + id)).andExpect(status().isOk()).andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.salesRepId").doesNotExist());
    }

    @Test
    void aRepTheDirectoryKnowsIsCheckedWithoutSalesService() throws Exception {
        UUID rep = UUID.randomUUID();
        kafka.send(DelmsTopics.SALES, rep.toString(), TestEvents.event("delms.sales-rep.created.v1", rep.toString())
                .source("/delms/sales-service").data(Map.of("id", rep, "name", "Known Rep", "email", rep + "@example.com",
                        "region", "EMEA", "active", true, "version", 0)).toJson());
        Awaitility.await("rep known").atMost(Duration.ofSeconds(30)).until(() -> directory.salesRep(rep).isPresent());

        created(as(post(CUSTOMERS).contentType(MediaType.APPLICATION_JSON)
                .content(aCustomer().with("salesRepId", rep.toString()).toJson())));
    }

    private static void uncheckable(ResultActions result, String reference) throws Exception {
        result.andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:delms:problem:unavailable"))
                .andExpect(jsonPath("$.detail").value(allOf(containsString(reference),
                        containsString("could not be checked"), containsString("sales-service"))))
                .andExpect(jsonPath("$.errors").doesNotExist())
                .andExpect(header().exists("Retry-After"));
    }

    private String created(ResultActions result) throws Exception {
        String body = result.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asString();
    }

    private ResultActions as(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", bearer(tokens.salesToken())));
    }

    private long customers() {
        return jdbc.queryForObject("select count(*) from customer", Long.class);
    }

    /** A loopback port nothing listens on. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
