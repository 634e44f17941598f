package ai.dify.delms.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import ai.dify.delms.platform.directory.SalesDirectory;
import ai.dify.delms.platform.directory.SalesParty;
import ai.dify.delms.platform.directory.SalesParty.Kind;
import ai.dify.delms.platform.events.DelmsTopics;
import ai.dify.delms.platform.test.DelmsServiceTest;
import ai.dify.delms.platform.test.TestEvents;
import ai.dify.delms.platform.test.kafka.TestKafka;

/** The sales directory learns reps and resellers from sales-service's events, as another service would. */
@DelmsServiceTest
class SalesDirectoryIT {

    @Autowired
    SalesDirectory directory;
    @Autowired
    TestKafka kafka;

    @Test
    void knowsResellersByIdAndCodeAndFollowsTheirUpdates() {
        UUID id = UUID.randomUUID();
        String code = "acme-" + id.toString().substring(0, 8);
        send("delms.reseller.created.v1", id, Map.of("id", id, "code", code, "name", "Acme Resale",
                "tier", "GOLD", "active", true, "version", 0));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> directory.reseller(id).isPresent());
        assertThat(directory.reseller(id)).contains(new SalesParty(id, Kind.RESELLER, code, "Acme Resale", true));
        assertThat(directory.activeResellerByCode(code)).map(SalesParty::id).contains(id);
        assertThat(directory.salesRep(id)).as("a reseller is not a sales rep").isEmpty();

        send("delms.reseller.updated.v1", id, Map.of("id", id, "code", code, "name", "Acme Channel",
                "active", true, "version", 1));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> directory.reseller(id).map(SalesParty::name).orElse("").equals("Acme Channel"));
        assertThat(directory.reseller(id).orElseThrow().active()).isTrue();

        // a deleted reseller stays known by id, inactive, whatever the payload says of it; its code names no one
        send("delms.reseller.deleted.v1", id, Map.of("id", id, "code", code, "name", "Acme Channel",
                "active", true, "version", 2));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> !directory.reseller(id).map(SalesParty::active).orElse(true));
        assertThat(directory.activeResellerByCode(code)).isEmpty();
    }

    @Test
    void aReplayedOlderVersionDoesNotUndoANewerOne() {
        UUID id = UUID.randomUUID();
        send("delms.sales-rep.updated.v1", id, Map.of("id", id, "name", "Rita Newer", "email", "rita@example.com",
                "active", true, "version", 3));
        send("delms.sales-rep.created.v1", id, Map.of("id", id, "name", "Rita Older", "email", "rita@example.com",
                "active", true, "version", 0));
        UUID marker = UUID.randomUUID();
        send("delms.sales-rep.created.v1", id, Map.of("id", marker, "name", "Marker", "version", 0));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> directory.salesRep(marker).isPresent());
        assertThat(directory.salesRep(id).orElseThrow().name()).isEqualTo("Rita Newer");
        assertThat(directory.salesRep(id).orElseThrow().code()).isNull();
        assertThat(directory.activeResellerByCode("nobody")).isEmpty();
    }

    private void send(String type, UUID key, Map<String, Object> data) {
        kafka.send(DelmsTopics.SALES, key.toString(),
                TestEvents.event(type, key.toString()).source("/delms/sales-service").data(data).toJson());
    }
}
