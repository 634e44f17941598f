package ai.dify.delms.platform.testapp;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.platform.directory.SalesDirectory;
import ai.dify.delms.platform.directory.SalesParty;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestResellers;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;

/** A partner endpoint on the chassis: partners see their reseller's rows only, and only partners get in. */
@DelmsServiceTest
class PartnerApiIT {

    // codes of their own, so that other tests' resellers on the shared broker never collide with them
    static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    static final String ACME = "acme-" + SUFFIX;
    static final String GLOBEX = "globex-" + SUFFIX;
    static final String GONE = "gone-" + SUFFIX;
    static final UUID ACME_ID = UUID.randomUUID();
    static final UUID GLOBEX_ID = UUID.randomUUID();
    static final UUID GONE_ID = UUID.randomUUID();

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestKafka kafka;
    @Autowired
    SalesDirectory directory;
    @Autowired
    PartnerDeals deals;

    @BeforeEach
    void resellersAreKnown() {
        TestResellers.created(kafka, ACME_ID, ACME);
        TestResellers.created(kafka, GLOBEX_ID, GLOBEX);
        TestResellers.created(kafka, GONE_ID, GONE);
        TestResellers.updated(kafka, GONE_ID, GONE, false, 1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> directory.reseller(ACME_ID).isPresent()
                && directory.reseller(GLOBEX_ID).isPresent()
                && directory.reseller(GONE_ID).filter(SalesParty::active).isEmpty()
                && directory.reseller(GONE_ID).isPresent());
    }

    @Test
    void partnerSeesItsResellersRowsOnlyAndAnotherResellersRowIs404() throws Exception {
        PartnerDeals.Deal acmeDeal = deals.add(ACME_ID, "acme deal");
        PartnerDeals.Deal globexDeal = deals.add(GLOBEX_ID, "globex deal");
        String acme = bearer(tokens.partnerToken(ACME));

        mvc.perform(get("/api/partner/v1/caller").header("Authorization", acme))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.resellerCode").value(ACME))
                .andExpect(jsonPath("$.resellerId").value(ACME_ID.toString()));
        mvc.perform(get("/api/partner/v1/deals").header("Authorization", acme))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.resellerId != '" + ACME_ID + "')]").isEmpty())
                .andExpect(jsonPath("$[?(@.id == '" + acmeDeal.id() + "')]", hasSize(1)));
        mvc.perform(get("/api/partner/v1/deals/" + acmeDeal.id()).header("Authorization", acme))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("acme deal"));

        mvc.perform(get("/api/partner/v1/deals/" + globexDeal.id()).header("Authorization", acme))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Deal " + globexDeal.id() + " was not found."));
        UUID unknown = UUID.randomUUID();
        mvc.perform(get("/api/partner/v1/deals/" + unknown).header("Authorization", acme))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Deal " + unknown + " was not found."));
        mvc.perform(get("/api/partner/v1/deals/" + globexDeal.id()).header("Authorization", bearer(tokens.partnerToken(GLOBEX))))
                .andExpect(status().isOk());
    }

    @Test
    void unknownOrInactiveResellerSeesNothingAndIsToldNothing() throws Exception {
        PartnerDeals.Deal goneDeal = deals.add(GONE_ID, "gone deal");
        for (String code : new String[] {GONE, "nobody-" + SUFFIX}) {
            String token = bearer(tokens.partnerToken(code));
            mvc.perform(get("/api/partner/v1/deals").header("Authorization", token))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$").isEmpty());
            mvc.perform(get("/api/partner/v1/deals/" + goneDeal.id()).header("Authorization", token))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.detail").value("Deal " + goneDeal.id() + " was not found."));
        }
    }

    /**
     * A code a deleted reseller had, carried by another reseller (sales-service issued codes twice
     * before decision 23; its topic still holds such events): the directory keeps both by id, and
     * the code's partners are the new reseller's, never the deleted one's.
     */
    @Test
    void aDeletedResellersCodeCarriedByANewResellerMapsToTheNewOne() throws Exception {
        String code = "reused-" + SUFFIX;
        UUID deletedId = UUID.randomUUID();
        UUID newId = UUID.randomUUID();
        TestResellers.created(kafka, deletedId, code);
        TestResellers.deleted(kafka, deletedId, code, 1);
        TestResellers.created(kafka, newId, code);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> directory.reseller(newId).isPresent()
                && directory.reseller(deletedId).filter(SalesParty::active).isEmpty()
                && directory.reseller(deletedId).isPresent());
        PartnerDeals.Deal oldDeal = deals.add(deletedId, "deleted reseller's deal");
        PartnerDeals.Deal newDeal = deals.add(newId, "new reseller's deal");
        String partner = bearer(tokens.partnerToken(code));

        mvc.perform(get("/api/partner/v1/caller").header("Authorization", partner))
                .andExpect(jsonPath("$.resellerId").value(newId.toString()));
        mvc.perform(get("/api/partner/v1/deals/" + newDeal.id()).header("Authorization", partner))
                .andExpect(status().isOk());
        mvc.perform(get("/api/partner/v1/deals/" + oldDeal.id()).header("Authorization", partner))
                .andExpect(status().isNotFound());
    }

    @Test
    void onlyPartnerTokensWithScopeAndResellerClaimGetIn() throws Exception {
        mvc.perform(get("/api/partner/v1/deals"))
                .andExpect(status().isUnauthorized());
        String[] refused = {
                tokens.adminToken(),
                tokens.salesToken(),
                tokens.issuer().token(t -> t.subject("p").clientId("partner-x").roles("partner").claim("reseller_id", ACME)),
                tokens.issuer().token(t -> t.subject("p").clientId("partner-x").scope("partner-api").claim("reseller_id", ACME)),
                tokens.issuer().token(t -> t.subject("p").clientId("partner-x").roles("partner").scope("partner-api"))};
        for (String token : refused) {
            mvc.perform(get("/api/partner/v1/deals").header("Authorization", bearer(token)))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(get("/api/v1/widgets").header("Authorization", bearer(tokens.partnerToken(ACME))))
                .andExpect(status().isForbidden());
    }

    @Test
    void theCallerIsNoRequestParameterInTheApiDocument() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/partner/v1/deals'].get").exists())
                .andExpect(jsonPath("$.paths['/api/partner/v1/deals'].get.parameters").doesNotExist())
                .andExpect(jsonPath("$.paths['/api/partner/v1/deals/{id}'].get.parameters[*].name")
                        .value(org.hamcrest.Matchers.contains("id")));
    }
}
