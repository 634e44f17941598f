package ai.dify.delms.license.license;

import static ai.dify.delms.license.license.NewLicenseBuilder.aLicenseFor;
import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import ai.dify.delms.license.customerview.CustomerEventsFixture;
import ai.dify.delms.license.customerview.KnownCustomers;
import ai.dify.delms.platform.test.ApiChecks;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import tools.jackson.databind.json.JsonMapper;

@DelmsServiceTest
class LicenseApiIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    TestKafka kafka;
    @Autowired
    KnownCustomers knownCustomers;

    private String customerId;

    @BeforeEach
    void knownCustomer() {
        customerId = new CustomerEventsFixture(kafka, knownCustomers).knownCustomer().toString();
    }

    private ResultActions create(String token, NewLicenseBuilder license) throws Exception {
        return mvc.perform(post("/api/v1/licenses").header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(license.toJson()));
    }

    private int licensesOf(String customer) {
        return jdbc.queryForObject("select count(*) from license where customer_id = ?", Integer.class, customer);
    }

    @Test
    void readsNeedAStaffToken() throws Exception {
        mvc.perform(get("/api/v1/licenses")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/licenses").header("Authorization", bearer(tokens.partnerToken("acme"))))
                .andExpect(status().isForbidden());
        for (String token : new String[] {tokens.adminToken(), tokens.salesToken(), tokens.engineerToken()}) {
            mvc.perform(get("/api/v1/licenses").header("Authorization", bearer(token)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.page.number").value(0));
        }
    }

    @Test
    void theListRefusesHostilePagingAndSortParameters() throws Exception {
        ApiChecks.hostilePagingParameters(mvc, tokens, "/api/v1/licenses");
    }

    @Test
    void salesCreatesLicenseWithServerAssignedId() throws Exception {
        String month = YearMonth.now(ZoneOffset.UTC).toString().replace("-", "");
        String body = create(tokens.tokenFor("bob", "sales"), aLicenseFor(customerId).with("notes", "first deal"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/licenses/ENT-" + month + "-")))
                .andExpect(jsonPath("$.id").value(matchesPattern("ENT-" + month + "-\\d{6}")))
                .andExpect(jsonPath("$.status").value("CREATED"))
                .andExpect(jsonPath("$.customerId").value(customerId))
                .andExpect(jsonPath("$.daysToExpiry").isNumber())
                .andExpect(jsonPath("$.overused").value(false))
                .andExpect(jsonPath("$.createdBy").value("bob"))
                .andExpect(jsonPath("$.version").value(0))
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asString();

        mvc.perform(get("/api/v1/licenses/" + id).header("Authorization", bearer(tokens.engineerToken())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.notes").value("first deal"));
        mvc.perform(get("/api/v1/licenses").param("customerId", customerId)
                        .header("Authorization", bearer(tokens.adminToken())))
                .andExpect(jsonPath("$.content.length()").value(1))
                .andExpect(jsonPath("$.content[0].id").value(id));
    }

    @Test
    void idsAreUniqueAndPerProduct() throws Exception {
        String first = idOf(create(tokens.adminToken(), aLicenseFor(customerId)));
        String second = idOf(create(tokens.adminToken(), aLicenseFor(customerId)));
        String pro = idOf(create(tokens.adminToken(), aLicenseFor(customerId).with("productType", "PRO")));
        assertThat(first).isNotEqualTo(second);
        assertThat(new LicenseId(second).number()).isGreaterThan(new LicenseId(first).number());
        assertThat(pro).startsWith("PRO-");
    }

    @Test
    void engineerCannotCreateLicense() throws Exception {
        create(tokens.engineerToken(), aLicenseFor(customerId)).andExpect(status().isForbidden());
        assertThat(licensesOf(customerId)).isZero();
    }

    @Test
    void invalidBodyIsRejectedWithFieldErrorsAndNothingWritten() throws Exception {
        create(tokens.adminToken(), aLicenseFor(customerId).with("authorizedUsers", 0).without("startDate"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field == 'authorizedUsers')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'startDate')]").exists());
        create(tokens.adminToken(), aLicenseFor(customerId).with("licenseType", "FOREVER"))
                .andExpect(status().isBadRequest());
        assertThat(licensesOf(customerId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where envelope like ?", Integer.class,
                "%" + customerId + "%")).isZero();
    }

    @Test
    void aCustomerNotKnownHereCannotBeCheckedWithoutCustomerServiceAndNothingIsWritten() throws Exception {
        // customer-service has no instance in this test's discovery: it cannot be asked about the stranger
        String stranger = UUID.randomUUID().toString();
        create(tokens.adminToken(), aLicenseFor(stranger))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:delms:problem:unavailable"))
                .andExpect(jsonPath("$.detail").value(containsString("customer " + stranger + " could not be checked")))
                .andExpect(jsonPath("$.detail").value(containsString("customer-service")))
                .andExpect(header().exists("Retry-After"));
        assertThat(licensesOf(stranger)).isZero();
        assertThat(knownCustomers.isActive(UUID.fromString(stranger))).as("nothing learnt of the stranger").isFalse();
    }

    @Test
    void datesOutOfOrderAndUnknownProductAreUnprocessable() throws Exception {
        create(tokens.adminToken(), aLicenseFor(customerId).with("expiryDate", "2000-01-01"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("expiryDate"));
        create(tokens.adminToken(), aLicenseFor(customerId).with("productType", "XYZ"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("productType"));
        create(tokens.adminToken(), aLicenseFor(customerId).with("licenseType", "PERPETUAL"))
                .andExpect(status().isUnprocessableContent());
        assertThat(licensesOf(customerId)).isZero();
    }

    @Test
    void unknownOrMalformedLicenseIdIsNotFound() throws Exception {
        mvc.perform(get("/api/v1/licenses/ENT-202001-000001").header("Authorization", bearer(tokens.adminToken())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/licenses/not-a-license").header("Authorization", bearer(tokens.adminToken())))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private String idOf(ResultActions result) throws Exception {
        return json.readTree(result.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
                .get("id").asString();
    }

    @Test
    void aValidCreateThatAsksForXmlIs406AndNothingIsWritten() throws Exception {
        mvc.perform(post("/api/v1/licenses").header("Authorization", bearer(tokens.adminToken()))
                        .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_XML)
                        .content(aLicenseFor(customerId).toJson()))
                .andExpect(status().isNotAcceptable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        assertThat(licensesOf(customerId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where envelope like ?", Integer.class,
                "%" + customerId + "%")).isZero();
    }

    /** Every write operation of the service's OpenAPI document, refused before it runs (docs/security.md). */
    @Test
    void everyWriteOperationRefusesAnUnacceptableAcceptBeforeRunning() throws Exception {
        assertThat(ApiChecks.writesRefuseAnUnacceptableAcceptBeforeRunning(mvc, tokens))
                .contains("POST /api/v1/licenses",
                        "PUT /api/v1/licenses/{id}",
                        "PATCH /api/v1/licenses/{id}",
                        "POST /api/v1/licenses/{id}/transitions",
                        "POST /api/v1/licenses/{id}/usage",
                        "POST /api/partner/v1/licenses/{id}/usage");
    }
}
