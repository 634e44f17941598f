package ai.dify.delms.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * kustomize reads nothing outside k8s/, so k8s/base holds copies of config/, the database script and
 * the realm: they must be what their sources are (k8s/sync-generated.sh refreshes them).
 */
class GeneratedCopiesTest {

    private static final String REFRESH = "run k8s/sync-generated.sh and commit the result";

    @Test
    void theConfigMapHoldsExactlyTheFilesConfigServerServes() throws IOException {
        List<String> sources = yamlFiles("config");
        assertThat(yamlFiles("k8s/base/config")).as("k8s/base/config holds config/*.yml; " + REFRESH)
                .isEqualTo(sources);
        for (String file : sources) {
            assertThat(Repository.read("k8s/base/config/" + file)).as("k8s/base/config/%s; %s", file, REFRESH)
                    .isEqualTo(Repository.read("config/" + file));
        }
        String kustomization = Repository.read("k8s/base/kustomization.yaml");
        sources.forEach(file -> assertThat(kustomization).as("delms-config lists %s", file).contains("- config/" + file));
    }

    @Test
    void theDatabaseJobRunsTheScriptComposeRuns() {
        assertThat(Repository.read("k8s/base/mysql/delms-databases.sh")).as(REFRESH)
                .isEqualTo(Repository.read("infra/compose/mysql-init/10-delms-databases.sh"));
    }

    /** The realm the operator imports is the local realm without its demo users and with secrets from a Secret. */
    @Test
    void theRealmImportIsTheRealmWithoutDemoUsersOrSecrets() {
        JsonNode realm = Yaml.document(Repository.read("infra/keycloak/delms-realm.json")).deepCopy();
        ((ObjectNode) realm).remove("users");
        JsonNode spec = Yaml.document(Repository.read("k8s/base/keycloak/realm-import.yaml")).path("spec");
        JsonNode imported = spec.path("realm");
        for (JsonNode client : realm.path("clients")) {
            if (client.has("secret")) {
                String placeholder = "DELMS_" + client.path("clientId").asText().toUpperCase().replace('-', '_') + "_SECRET";
                ((ObjectNode) client).put("secret", "${" + placeholder + "}");
                assertThat(spec.path("placeholders").path(placeholder).path("secret").path("key").asText())
                        .as("placeholder %s comes from a Secret", placeholder).isEqualTo(client.path("clientId").asText());
            }
        }
        assertThat(imported).as("k8s/base/keycloak/realm-import.yaml; " + REFRESH).isEqualTo(realm);
        assertThat(imported.has("users")).isFalse();
    }

    private static List<String> yamlFiles(String dir) throws IOException {
        try (Stream<Path> files = Files.list(Repository.path(dir))) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yml")).sorted().toList();
        }
    }
}
