package ai.dify.delms.systemtests.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tests find the system where the launcher's component table says it runs. */
class ComponentsTest {

    @TempDir
    Path folder;

    @Test
    void readsPortsAndHealthChecksSkippingComments() throws IOException {
        Components components = Components.read(table("""
                # name   kind     port  probe_port  probe           ready  jar
                kafka    infra    9092  -           tcp             -      -

                billing  service  9001  -           /actuator/health/readiness  -  billing/target/billing.jar
                gateway  gateway  9000  9100        /actuator/health/readiness  -  gateway/target/gateway.jar
                """));

        assertThat(components.get("billing").port()).isEqualTo(9001);
        assertThat(components.get("billing").probePort()).isEqualTo(9001);
        assertThat(components.get("gateway").probePort()).isEqualTo(9100);
        assertThat(components.get("gateway").healthPath()).isEqualTo("/actuator/health/readiness");
        assertThat(components.ofKind("service")).containsExactly("billing");
        assertThatThrownBy(() -> components.get("kafka").healthPath()).hasMessageContaining("tcp");
    }

    @Test
    void aLineWithAMissingColumnNamesTheLine() throws IOException {
        Path table = table("""
                # comment
                kafka    infra    9092  -  tcp  -
                """);

        assertThatThrownBy(() -> Components.read(table)).hasMessageContaining("line 2").hasMessageContaining("7 columns");
    }

    @Test
    void anUnknownComponentNamesTheKnownOnes() throws IOException {
        Components components = Components.read(table("kafka infra 9092 - tcp - -\n"));

        assertThatThrownBy(() -> components.get("kafak")).hasMessageContaining("kafak").hasMessageContaining("[kafka]");
    }

    @Test
    void theLaunchersTableNamesTheFiveServicesAndTheGateway() {
        Components components = Components.read(SystemUnderTest.repositoryRoot().resolve(Components.TABLE));

        assertThat(components.ofKind("service")).containsExactly(
                "license-service", "customer-service", "sales-service", "deployment-service", "alert-service");
        assertThat(components.ofKind("gateway")).containsExactly("gateway");
    }

    private Path table(String text) throws IOException {
        return Files.writeString(folder.resolve("components.txt"), text);
    }
}
