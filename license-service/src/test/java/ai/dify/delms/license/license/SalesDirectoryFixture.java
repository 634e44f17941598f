package ai.dify.delms.license.license;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;

import ai.dify.delms.platform.directory.SalesDirectory;
import ai.dify.delms.platform.events.DelmsTopics;
import ai.dify.delms.platform.test.TestEvents;
import ai.dify.delms.platform.test.kafka.TestKafka;

/** Makes sales reps and resellers known the way production does: sales-service's events on delms.sales. */
public final class SalesDirectoryFixture {

    private final TestKafka kafka;
    private final SalesDirectory directory;

    public SalesDirectoryFixture(TestKafka kafka, SalesDirectory directory) {
        this.kafka = kafka;
        this.directory = directory;
    }

    public UUID knownSalesRep() {
        return salesRep(true);
    }

    /** A rep published as created, active or not, once the directory knows it. */
    public UUID salesRep(boolean active) {
        UUID id = UUID.randomUUID();
        Map<String, Object> data = new HashMap<>();
        data.put("id", id.toString());
        data.put("name", "Rep " + id);
        data.put("email", id + "@example.com");
        data.put("region", "EMEA");
        data.put("active", active);
        data.put("version", 0);
        kafka.send(DelmsTopics.SALES, id.toString(), TestEvents.event("delms.sales-rep.created.v1", id.toString())
                .source("/delms/sales-service").data(data).toJson());
        Awaitility.await("sales rep " + id + " known").atMost(Duration.ofSeconds(30))
                .until(() -> directory.salesRep(id).isPresent());
        return id;
    }

    public UUID knownReseller() {
        UUID id = UUID.randomUUID();
        Map<String, Object> data = new HashMap<>();
        data.put("id", id.toString());
        data.put("code", "r-" + id.toString().substring(0, 8));
        data.put("name", "Reseller " + id);
        data.put("contactEmail", id + "@example.com");
        data.put("region", "EMEA");
        data.put("tier", "GOLD");
        data.put("active", true);
        data.put("version", 0);
        kafka.send(DelmsTopics.SALES, id.toString(), TestEvents.event("delms.reseller.created.v1", id.toString())
                .source("/delms/sales-service").data(data).toJson());
        Awaitility.await("reseller " + id + " known").atMost(Duration.ofSeconds(30))
                .until(() -> directory.reseller(id).isPresent());
        return id;
    }
}
