package ai.dify.delms.license.license;

import static ai.dify.delms.license.license.NewLicenseBuilder.aLicenseFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.license.customerview.CustomerEventsFixture;
import ai.dify.delms.license.customerview.KnownCustomers;
import ai.dify.delms.platform.directory.SalesDirectory;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;

@DelmsServiceTest
class LicenseReferencesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestKafka kafka;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KnownCustomers knownCustomers;
    @Autowired
    SalesDirectory directory;

    private LicenseTestClient api;
    private SalesDirectoryFixture sales;
    private String customerId;

    @BeforeEach
    void setUp() {
        api = new LicenseTestClient(mvc);
        sales = new SalesDirectoryFixture(kafka, directory);
        customerId = new CustomerEventsFixture(kafka, knownCustomers).knownCustomer().toString();
    }

    @Test
    void aLicenseNamesActiveRepsAndResellersOnly() throws Exception {
        int before = jdbc.queryForObject("select count(*) from license", Integer.class);
        String inactiveRep = sales.salesRep(false).toString();
        expectUnprocessable(aLicenseFor(customerId).with("salesRepId", inactiveRep), "salesRepId");
        assertThat(jdbc.queryForObject("select count(*) from license", Integer.class)).isEqualTo(before);

        String rep = sales.knownSalesRep().toString();
        String reseller = sales.knownReseller().toString();
        String id = api.create(tokens.adminToken(), aLicenseFor(customerId).with("salesRepId", rep)
                .with("resellerId", reseller));
        api.read(tokens.adminToken(), id).andExpect(jsonPath("$.salesRepId").value(rep))
                .andExpect(jsonPath("$.resellerId").value(reseller));

        api.patch(tokens.adminToken(), id, "{\"salesRepId\":\"" + inactiveRep + "\"}", null)
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("salesRepId"));
        api.read(tokens.adminToken(), id).andExpect(jsonPath("$.salesRepId").value(rep))
                .andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void aRepOrResellerNotKnownHereCannotBeCheckedWithoutSalesService() throws Exception {
        // sales-service has no instance in this test's discovery: what the directory does not know cannot be checked
        int before = jdbc.queryForObject("select count(*) from license", Integer.class);
        UUID rep = UUID.randomUUID();
        expectUncheckable(aLicenseFor(customerId).with("salesRepId", rep.toString()), "sales rep " + rep);
        UUID reseller = UUID.randomUUID();
        expectUncheckable(aLicenseFor(customerId).with("resellerId", reseller.toString()), "reseller " + reseller);
        assertThat(jdbc.queryForObject("select count(*) from license", Integer.class)).isEqualTo(before);

        String known = sales.knownReseller().toString();
        String id = api.create(tokens.adminToken(), aLicenseFor(customerId).with("resellerId", known));
        api.patch(tokens.adminToken(), id, "{\"resellerId\":\"" + reseller + "\"}", null)
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.detail").value(containsString("reseller " + reseller + " could not be checked")));
        api.read(tokens.adminToken(), id).andExpect(jsonPath("$.resellerId").value(known))
                .andExpect(jsonPath("$.version").value(0));
    }

    private void expectUncheckable(NewLicenseBuilder license, String reference) throws Exception {
        mvc.perform(post("/api/v1/licenses").header("Authorization", "Bearer " + tokens.adminToken())
                        .contentType(MediaType.APPLICATION_JSON).content(license.toJson()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:delms:problem:unavailable"))
                .andExpect(jsonPath("$.detail").value(containsString(reference + " could not be checked")))
                .andExpect(jsonPath("$.detail").value(containsString("sales-service")));
    }

    private void expectUnprocessable(NewLicenseBuilder license, String field) throws Exception {
        mvc.perform(post("/api/v1/licenses").header("Authorization", "Bearer " + tokens.adminToken())
                        .contentType(MediaType.APPLICATION_JSON).content(license.toJson()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }
}
