package ai.dify.delms.license.license;

import static ai.dify.delms.license.license.NewLicenseBuilder.aLicenseFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import ai.dify.delms.license.customerview.CustomerEventsFixture;
import ai.dify.delms.license.customerview.KnownCustomers;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import tools.jackson.databind.JsonNode;

/** Bounded counts and cursors of the license list (decision 40), with a count limit of 5. */
@DelmsServiceTest
@TestPropertySource(properties = "delms.paging.count-limit=5")
class LicenseListPagingIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestKafka kafka;
    @Autowired
    KnownCustomers knownCustomers;

    private LicenseTestClient api;
    private String customerId;

    @BeforeEach
    void setUp() {
        api = new LicenseTestClient(mvc);
        customerId = new CustomerEventsFixture(kafka, knownCustomers).knownCustomer().toString();
    }

    @Test
    void aResultAboveTheCountLimitIsCountedUpToItAndSaysSo() throws Exception {
        for (int i = 0; i < 7; i++) {
            api.create(tokens.adminToken(), aLicenseFor(customerId).with("productType", i < 3 ? "PRO" : "ENT"));
        }
        String c = "customerId=" + customerId;

        page(c + "&size=2").andExpect(jsonPath("$.page.totalElements").value(5))
                .andExpect(jsonPath("$.page.totalElementsExact").value(false))
                .andExpect(jsonPath("$.page.totalPages").value(3));
        // never fewer than the rows up to the page shown, and one more is known to follow
        page(c + "&size=2&page=2").andExpect(jsonPath("$.page.totalElements").value(7))
                .andExpect(jsonPath("$.page.totalElementsExact").value(false));
        // the last page knows the total
        page(c + "&size=2&page=3").andExpect(jsonPath("$.content.length()").value(1))
                .andExpect(jsonPath("$.page.totalElements").value(7))
                .andExpect(jsonPath("$.page.totalElementsExact").value(true))
                .andExpect(jsonPath("$.page.next").value(nullValue()));
        page(c + "&size=20").andExpect(jsonPath("$.page.totalElements").value(7))
                .andExpect(jsonPath("$.page.totalElementsExact").value(true));
        page(c + "&productType=PRO&size=1").andExpect(jsonPath("$.page.totalElements").value(3))
                .andExpect(jsonPath("$.page.totalElementsExact").value(true))
                .andExpect(jsonPath("$.page.totalPages").value(3));
    }

    @Test
    void walkingWithTheCursorReturnsEveryLicenseOnceWhileLicensesAreAdded() throws Exception {
        Set<String> existing = new HashSet<>();
        for (int i = 0; i < 23; i++) {
            existing.add(api.create(tokens.adminToken(), aLicenseFor(customerId)));
        }
        // newest first: every license created during the walk sorts before the pages still to come, which
        // shifts them by an offset (page numbers would show rows twice) but not after a cursor
        String query = "customerId=" + customerId + "&sort=createdAt,desc&size=4";
        List<String> seen = new ArrayList<>();
        JsonNode page = api.body(page(query + "&page=0"));
        int pages = 1;
        while (true) {
            page.get("content").forEach(license -> seen.add(license.get("id").asString()));
            api.create(tokens.adminToken(), aLicenseFor(customerId));
            api.create(tokens.adminToken(), aLicenseFor(customerId));
            if (page.get("page").get("next").isNull()) {
                break;
            }
            page = api.body(page(query + "&after=" + page.get("page").get("next").asString()));
            assertThat(page.get("page").get("number").asInt()).isEqualTo(pages++);
        }

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(existing);
        assertThat(pages).isEqualTo(6);
    }

    @Test
    void theCursorWalkFollowsEverySortIncludingLicensesWithoutAnExpiryDate() throws Exception {
        for (int i = 0; i < 9; i++) {
            NewLicenseBuilder license = aLicenseFor(customerId).with("productType", i % 2 == 0 ? "ENT" : "PRO");
            // three share each expiry date and three have none: ties and NULLs at page boundaries
            api.create(tokens.adminToken(), i % 3 == 0 ? license.with("licenseType", "PERPETUAL").without("expiryDate")
                    : license.with("expiryDate", LocalDate.now().plusDays(100 + i % 3).toString()));
        }
        for (String sort : List.of("expiryDate,asc", "expiryDate,desc", "productType,desc&sort=expiryDate,asc",
                "id,desc", "createdAt,asc")) {
            String query = "customerId=" + customerId + "&sort=" + sort;
            List<String> whole = ids(api.body(page(query + "&size=50")));
            List<String> walked = new ArrayList<>();
            JsonNode page = api.body(page(query + "&size=2"));
            walked.addAll(ids(page));
            while (!page.get("page").get("next").isNull()) {
                page = api.body(page(query + "&size=2&after=" + page.get("page").get("next").asString()));
                walked.addAll(ids(page));
            }
            assertThat(walked).as(sort).hasSize(9).isEqualTo(whole);
        }
    }

    @Test
    void aCursorOfAnotherQueryOrAlteredIsABadRequest() throws Exception {
        for (int i = 0; i < 3; i++) {
            api.create(tokens.adminToken(), aLicenseFor(customerId));
        }
        String query = "customerId=" + customerId + "&size=1";
        String next = api.body(page(query)).get("page").get("next").asString();
        page(query + "&after=" + next).andExpect(status().isOk());

        badCursor(query + "&after=not-a-cursor");
        badCursor(query + "&status=CREATED&after=" + next);
        badCursor("size=1&after=" + next);
        badCursor(query + "&sort=createdAt,desc&after=" + next);
        badCursor(query + "&page=1&after=" + next);
        String json = new String(Base64.getUrlDecoder().decode(next), StandardCharsets.UTF_8);
        String moved = json.replaceFirst("\"p\":1", "\"p\":0");
        assertThat(moved).isNotEqualTo(json);
        badCursor(query + "&after=" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(moved.getBytes(StandardCharsets.UTF_8)));
    }

    private void badCursor(String query) throws Exception {
        api.list(tokens.salesToken(), query).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("after"));
    }

    private ResultActions page(String query) throws Exception {
        return api.list(tokens.salesToken(), query).andExpect(status().isOk());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("content").forEach(license -> ids.add(license.get("id").asString()));
        return ids;
    }
}
