package ai.dify.delms.platform.testapp;

import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import ai.dify.delms.platform.audit.AuditAction;
import ai.dify.delms.platform.audit.AuditEntry;
import ai.dify.delms.platform.audit.AuditEntry.FieldChange;
import ai.dify.delms.platform.audit.AuditTrail;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;
import tools.jackson.databind.json.JsonMapper;

@DelmsServiceTest
class ChassisAuditIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    AuditTrail trail;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    WidgetRepository widgets;
    @Autowired
    TransactionTemplate transaction;

    /** A caller whose subject, username and client all differ, so each is seen in its own column. */
    private String carol(String subject) {
        return tokens.issuer().token(t -> t.subject(subject).username("carol").clientId("delms-web").roles("admin"));
    }

    @Test
    void createChangeAndDeleteEachRecordTheActorAndTheRequest() throws Exception {
        String subject = UUID.randomUUID().toString();
        String token = carol(subject);
        String id = create(token, "audit-" + UUID.randomUUID(), 3);
        String renamed = "audit-" + UUID.randomUUID();
        mvc.perform(put("/api/v1/widgets/" + id).header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + renamed + "\"}"))
                .andExpect(status().isOk());
        mvc.perform(delete("/api/v1/widgets/" + id).header("Authorization", bearer(token)))
                .andExpect(status().isNoContent());

        List<AuditEntry> entries = trail.of("Widget", id);
        assertThat(entries).extracting(AuditEntry::action)
                .containsExactly(AuditAction.CREATE, AuditAction.UPDATE, AuditAction.DELETE);
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.actorSubject()).isEqualTo(subject);
            assertThat(entry.actorUsername()).isEqualTo("carol");
            assertThat(entry.actorClientId()).isEqualTo("delms-web");
            assertThat(entry.entityId()).isEqualTo(id);
            assertThat(entry.occurredAt()).isNotNull();
        });
        assertThat(entries.get(0).requestMethod()).isEqualTo("POST");
        assertThat(entries.get(0).requestPath()).isEqualTo("/api/v1/widgets");
        assertThat(entries.get(0).changes()).isEmpty();
        assertThat(entries.get(1).requestMethod()).isEqualTo("PUT");
        assertThat(entries.get(1).requestPath()).isEqualTo("/api/v1/widgets/" + id);
        // only the changed field; the version moves with every update and is left out
        assertThat(entries.get(1).changes()).containsOnlyKeys("name");
        assertThat(entries.get(1).changes().get("name").newValue()).isEqualTo(renamed);
        assertThat(entries.get(1).changes().get("name").oldValue()).startsWith("audit-").isNotEqualTo(renamed);
        assertThat(entries.get(2).requestMethod()).isEqualTo("DELETE");
        assertThat(entries.get(2).changes()).isEmpty();
        assertThat(byActor(subject)).hasSize(3);
    }

    @Test
    void everyChangedFieldIsRecordedButSecretValuesNever() throws Exception {
        String subject = UUID.randomUUID().toString();
        String token = carol(subject);
        String name = "audit-" + UUID.randomUUID();
        String id = create(token, name, 2);
        String secretValue = "tok-" + UUID.randomUUID();
        mvc.perform(put("/api/v1/widgets/" + id + "/shape").header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + name + "-b\",\"size\":7,\"accessToken\":\"" + secretValue + "\"}"))
                .andExpect(status().isOk());

        AuditEntry update = trail.of("Widget", id).get(1);
        assertThat(update.changes()).containsOnlyKeys("name", "size", "accessToken");
        assertThat(update.changes().get("name")).isEqualTo(new FieldChange(name, name + "-b"));
        assertThat(update.changes().get("size")).isEqualTo(new FieldChange("2", "7"));
        assertThat(update.changes().get("accessToken")).isEqualTo(new FieldChange(null, "[redacted]"));
        assertThat(jdbc.queryForObject("select count(*) from audit_log where changes like ?", Long.class,
                "%" + secretValue + "%")).isZero();
    }

    @Test
    void aRequestThatFailsValidationWritesNoAuditRow() throws Exception {
        String subject = UUID.randomUUID().toString();
        mvc.perform(post("/api/v1/widgets").header("Authorization", bearer(carol(subject)))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"audit-bad\",\"size\":99}"))
                .andExpect(status().isBadRequest());
        assertThat(byActor(subject)).isEmpty();
    }

    @Test
    void aWriteThatRollsBackLeavesNoAuditRow() throws Exception {
        String subject = UUID.randomUUID().toString();
        String token = carol(subject);
        String name = "audit-" + UUID.randomUUID();
        String id = create(token, name, 1);
        mvc.perform(put("/api/v1/failures/widgets/" + id).header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"never-" + name + "\"}"))
                .andExpect(status().isInternalServerError());

        assertThat(widgets.findById(UUID.fromString(id))).get().extracting(Widget::getName).isEqualTo(name);
        assertThat(trail.of("Widget", id)).extracting(AuditEntry::action).containsExactly(AuditAction.CREATE);
    }

    @Test
    void optedOutEntitiesAndTheOutboxAreNotAudited() throws Exception {
        String subject = UUID.randomUUID().toString();
        String token = carol(subject);
        String id = create(token, "audit-" + UUID.randomUUID(), 1);   // also writes an outbox event
        mvc.perform(post("/api/v1/widgets/" + id + "/notes").header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"looked fine\"}"))
                .andExpect(status().isCreated());

        assertThat(byActor(subject)).extracting(AuditEntry::entityType).containsExactly("Widget");
    }

    @Test
    void aCompositeIdIsRecordedPartByPart() throws Exception {
        String subject = UUID.randomUUID().toString();
        String token = carol(subject);
        String id = create(token, "audit-" + UUID.randomUUID(), 1);
        mvc.perform(put("/api/v1/widgets/" + id + "/tags/blue").header("Authorization", bearer(token)))
                .andExpect(status().isNoContent());

        assertThat(trail.of("WidgetTag", "tag=blue,widgetId=" + id)).extracting(AuditEntry::action)
                .containsExactly(AuditAction.CREATE);
    }

    @Test
    void writesOutsideARequestWithATokenAreNotAudited() {
        Widget widget = transaction.execute(status -> widgets.save(new Widget("audit-" + UUID.randomUUID(), 1)));
        assertThat(trail.of("Widget", widget.getId())).isEmpty();
    }

    @Test
    void theAuditEndpointServesAdminsOnly() throws Exception {
        String subject = UUID.randomUUID().toString();
        String id = create(carol(subject), "audit-" + UUID.randomUUID(), 1);

        mvc.perform(get("/api/v1/audit").param("entityType", "Widget").param("entityId", id)
                        .header("Authorization", bearer(tokens.adminToken())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(1))
                .andExpect(jsonPath("$.content[0].action").value("CREATE"))
                .andExpect(jsonPath("$.content[0].actorUsername").value("carol"))
                .andExpect(jsonPath("$.page.totalElements").value(1));
        mvc.perform(get("/api/v1/audit").param("actor", "carol")
                        .header("Authorization", bearer(tokens.adminToken())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].actorUsername").value("carol"));
        mvc.perform(get("/api/v1/audit").header("Authorization", bearer(tokens.salesToken())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit").header("Authorization", bearer(tokens.partnerToken("acme"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit")).andExpect(status().isUnauthorized());
    }

    private String create(String token, String name, int size) throws Exception {
        String body = mvc.perform(post("/api/v1/widgets").header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\",\"size\":" + size + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asString();
    }

    /** Every write made by one caller, oldest first, as the audit log's query finds them. */
    private List<AuditEntry> byActor(String subject) {
        List<AuditEntry> newestFirst = new java.util.ArrayList<>(
                trail.find(null, null, subject, org.springframework.data.domain.PageRequest.of(0, 100)).getContent());
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }
}
