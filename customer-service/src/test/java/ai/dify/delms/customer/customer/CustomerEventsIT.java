package ai.dify.delms.customer.customer;

import static ai.dify.delms.customer.customer.NewCustomerBuilder.aCustomer;
import static ai.dify.delms.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import ai.dify.delms.customer.customer.internal.CustomerEvents;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestTokens;
import ai.dify.delms.platform.test.kafka.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DelmsServiceTest
class CustomerEventsIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestKafka kafka;
    @Autowired
    JsonMapper json;

    @Test
    void createdCustomerIsPublishedAsCloudEventKeyedById() throws Exception {
        NewCustomerBuilder customer = aCustomer();
        String id = createCustomer(customer);

        ConsumerRecord<String, String> record = kafka.awaitRecord(CustomerEvents.TOPIC,
                r -> id.equals(r.key()) && r.value().contains(CustomerEvents.CREATED));
        JsonNode event = json.readTree(record.value());
        assertThat(event.get("specversion").asString()).isEqualTo("1.0");
        assertThat(event.get("type").asString()).isEqualTo("delms.customer.created.v1");
        assertThat(event.get("source").asString()).isEqualTo("/delms/customer-service");
        assertThat(event.get("subject").asString()).isEqualTo(id);
        assertThat(event.get("id").asString()).isNotBlank();
        assertThat(event.get("time").asString()).isNotBlank();
        assertThat(event.get("datacontenttype").asString()).isEqualTo("application/json");
        assertThat(event.get("data").get("id").asString()).isEqualTo(id);
        assertThat(event.get("data").get("name").asString()).isEqualTo(customer.name());
        assertThat(event.get("data").get("region").asString()).isEqualTo("EMEA");
        assertThat(event.get("data").get("version").asLong()).isZero();
        assertThat(event.get("actorusername").asString()).isEqualTo("alice");
    }

    @Test
    void deletedCustomerIsPublished() throws Exception {
        String id = createCustomer(aCustomer());
        mvc.perform(delete("/api/v1/customers/" + id).header("Authorization", bearer(tokens.adminToken())))
                .andExpect(status().isNoContent());

        ConsumerRecord<String, String> record = kafka.awaitRecord(CustomerEvents.TOPIC,
                r -> id.equals(r.key()) && r.value().contains(CustomerEvents.DELETED));
        assertThat(json.readTree(record.value()).get("subject").asString()).isEqualTo(id);
        assertThat(json.readTree(record.value()).get("data").get("version").asLong())
                .as("one version on from the last state, so no older event outranks the deletion").isEqualTo(1);
    }

    private String createCustomer(NewCustomerBuilder customer) throws Exception {
        String body = mvc.perform(post("/api/v1/customers").header("Authorization", bearer(tokens.adminToken()))
                        .contentType(MediaType.APPLICATION_JSON).content(customer.toJson()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asString();
    }
}
