package ai.dify.delms.license.license;

import static ai.dify.delms.license.license.NewLicenseBuilder.aLicenseFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.license.customerref.CustomerEventsFixture;
import ai.dify.delms.license.customerref.KnownCustomers;
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
    void aLicenseNamesKnownActiveRepsAndResellersOnly() throws Exception {
        int before = jdbc.queryForObject("select count(*) from license", Integer.class);
        expectUnprocessable(aLicenseFor(customerId).with("salesRepId", UUID.randomUUID().toString()), "salesRepId");
        expectUnprocessable(aLicenseFor(customerId).with("resellerId", UUID.randomUUID().toString()), "resellerId");
        expectUnprocessable(aLicenseFor(customerId).with("salesRepId", sales.salesRep(false).toString()), "salesRepId");
        String reseller = sales.knownReseller().toString();
        expectUnprocessable(aLicenseFor(customerId).with("salesRepId", reseller), "salesRepId");
        assertThat(jdbc.queryForObject("select count(*) from license", Integer.class)).isEqualTo(before);

        String rep = sales.knownSalesRep().toString();
        String id = api.create(tokens.adminToken(), aLicenseFor(customerId).with("salesRepId", rep)
                .with("resellerId", reseller));
        api.read(tokens.adminToken(), id).andExpect(jsonPath("$.salesRepId").value(rep))
                .andExpect(jsonPath("$.resellerId").value(reseller));

        api.patch(tokens.adminToken(), id, "{\"resellerId\":\"" + UUID.randomUUID() + "\"}", null)
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("resellerId"));
        api.read(tokens.adminToken(), id).andExpect(jsonPath("$.resellerId").value(reseller))
                .andExpect(jsonPath("$.version").value(0));
    }

    private void expectUnprocessable(NewLicenseBuilder license, String field) throws Exception {
        mvc.perform(post("/api/v1/licenses").header("Authorization", "Bearer " + tokens.adminToken())
                        .contentType(MediaType.APPLICATION_JSON).content(license.toJson()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }
}
