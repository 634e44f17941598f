package ai.dify.delms.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.dify.delms.deploy.Components.Component;

/**
 * docker-compose.yml, as Compose itself reads it ({@code docker-compose config} with the demo values of
 * .env.example; no engine is needed), held to the component table and to what the applications read
 * from config/ and their own application.yml.
 */
class ComposeFileTest {

    private static final String INSTALL = "apt-get install -y docker-compose (Debian's package; ./delms installs it)";

    /** The launcher's demo credentials, refused outside local runs (decision 24): never in compose. */
    private static final Pattern LAUNCHER_DEMO = Pattern.compile(
            "delms_\\w+_demo|admin|acme-secret|globex-secret|ZGVsbXMtbGljZW5zZS1maWxlcy1rZWstZGVtby1rZXk=");

    /** A credential an application needs: a placeholder with an empty default (${DELMS_X:}). */
    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{(DELMS_\\w+):}");

    private static Components table;
    private static JsonNode services;
    private static String composeText;

    @BeforeAll
    static void render() {
        table = Components.read();
        composeText = Repository.read("docker-compose.yml");
        String rendered = Command.run(INSTALL, "docker-compose", "--env-file", ".env.example", "-f", "docker-compose.yml",
                "config");
        services = Yaml.document(rendered).path("services");
    }

    private static String serviceName(Component component) {
        // the launcher's MariaDB is MySQL 8.4 in containers, as in production
        return component.name().equals("mariadb") ? "mysql" : component.name();
    }

    private static JsonNode service(String name) {
        JsonNode service = services.path(name);
        assertThat(service.isObject()).as("docker-compose.yml has a service %s", name).isTrue();
        return service;
    }

    private static String healthCheck(JsonNode service) {
        StringBuilder test = new StringBuilder();
        service.path("healthcheck").path("test").forEach(part -> test.append(part.asText()).append(' '));
        return test.toString();
    }

    private static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new HashMap<>();
        service.path("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    @Test
    void everyComponentOfTheTableRunsWithItsHealthCheck() {
        SoftAssertions soft = new SoftAssertions();
        for (Component component : table.all()) {
            JsonNode service = service(serviceName(component));
            String check = healthCheck(service);
            soft.assertThat(check).as("%s has a health check", component.name()).isNotBlank();
            if (component.probe().startsWith("/")) {
                soft.assertThat(check).as("health check of %s", component.name())
                        .contains("/dev/tcp/127.0.0.1/" + component.probePort() + " ")
                        .contains("GET " + component.probe() + " ");
            }
            if (component.isSpringApplication()) {
                soft.assertThat(service.path("image").asText()).as("image of %s", component.name())
                        .isEqualTo(Repository.imageOf(component.name()));
            }
        }
        soft.assertThat(healthCheck(service("mysql"))).contains("mysqladmin ping");
        soft.assertThat(healthCheck(service("redis"))).contains("redis-cli ping");
        soft.assertThat(healthCheck(service("kafka"))).contains("127.0.0.1:" + table.get("kafka").port());
        soft.assertAll();
    }

    @Test
    void everyContainerHasATaggedImageAndAMemoryLimit() {
        SoftAssertions soft = new SoftAssertions();
        services.fields().forEachRemaining(e -> {
            String image = e.getValue().path("image").asText();
            String tag = image.contains(":") ? image.substring(image.lastIndexOf(':') + 1) : "";
            soft.assertThat(tag).as("tag of %s's image %s", e.getKey(), image).isNotBlank().isNotEqualTo("latest");
            soft.assertThat(e.getValue().path("mem_limit").asText()).as("memory limit of %s", e.getKey()).isNotBlank();
        });
        soft.assertAll();
    }

    @Test
    void everyDependencyIsWaitedForUntilItIsHealthy() {
        SoftAssertions soft = new SoftAssertions();
        services.fields().forEachRemaining(e -> e.getValue().path("depends_on").fields().forEachRemaining(d -> {
            soft.assertThat(d.getValue().path("condition").asText()).as("%s waits for %s", e.getKey(), d.getKey())
                    .isEqualTo("service_healthy");
            soft.assertThat(healthCheck(service(d.getKey()))).as("health check of %s", d.getKey()).isNotBlank();
        }));
        for (Component component : table.ofKind("service")) {
            soft.assertThat(names(service(component.name()).path("depends_on")))
                    .as("what %s needs before it starts", component.name())
                    .contains("mysql", "kafka", "keycloak", "config-server", "discovery");
        }
        soft.assertThat(names(service("gateway").path("depends_on"))).contains("redis", "keycloak", "config-server");
        soft.assertAll();
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Each credential placeholder without a default in what the application reads is set in its environment. */
    @Test
    void everyApplicationGetsTheCredentialsItsConfigurationRequires() {
        SoftAssertions soft = new SoftAssertions();
        for (Component component : table.springApplications()) {
            String name = component.name();
            StringBuilder configuration = new StringBuilder(
                    Repository.read(name + "/src/main/resources/application.yml"));
            if (!name.equals("discovery")) {
                // config-server imports it from the folder; the others get it from config-server
                configuration.append(Repository.read("config/application.yml"));
            }
            if (Repository.path("config/" + name + ".yml").toFile().isFile()) {
                configuration.append(Repository.read("config/" + name + ".yml"));
            }
            Map<String, String> env = environment(service(name));
            Matcher required = REQUIRED_VARIABLE.matcher(configuration);
            while (required.find()) {
                String variable = required.group(1);
                if (variable.contains("PREVIOUS")) {
                    continue; // only while a key is rotated
                }
                soft.assertThat(env.get(variable)).as("%s of %s", variable, name).isNotBlank();
            }
            soft.assertThat(env.get("SPRING_PROFILES_ACTIVE")).as("profile of %s", name).isEqualTo("docker");
            if (configuration.toString().contains("configserver:${DELMS_CONFIG_URI")) {
                soft.assertThat(env.get("DELMS_CONFIG_URI")).as("DELMS_CONFIG_URI of %s", name)
                        .isEqualTo("http://config-server:" + table.get("config-server").port());
            }
        }
        soft.assertAll();
    }

    /** The docker profile of config/application.yml names the containers: they exist, on the table's ports. */
    @Test
    void theDockerProfileNamesContainersThatExist() {
        JsonNode docker = Yaml.profileDocument(Repository.read("config/application.yml"), "docker | k8s").orElseThrow();
        SoftAssertions soft = new SoftAssertions();

        String kafka = docker.path("DELMS_KAFKA_BOOTSTRAP").asText();
        soft.assertThat(kafka).isEqualTo("kafka:" + table.get("kafka").port());
        soft.assertThat(environment(service("kafka")).get("KAFKA_ADVERTISED_LISTENERS")).contains("//" + kafka);

        URI db = URI.create(docker.path("DELMS_DB_URL").asText().substring("jdbc:".length()));
        soft.assertThat(db.getScheme()).as("MySQL 8.4 in containers").isEqualTo("mysql");
        soft.assertThat(db.getHost() + ":" + db.getPort()).isEqualTo("mysql:" + table.get("mariadb").port());
        soft.assertThat(service("mysql").path("image").asText()).startsWith("mysql:8.4.");

        URI jwks = URI.create(docker.path("DELMS_JWKS_URI").asText());
        soft.assertThat(jwks.getHost()).isEqualTo("keycloak");
        soft.assertThat(service("keycloak").path("command").toString()).contains("--http-port=" + jwks.getPort());

        soft.assertThat(docker.path("DELMS_EUREKA_HOST").asText()).isEqualTo("discovery:" + table.get("discovery").port());
        soft.assertThat(services.has(docker.path("DELMS_REDIS_HOST").asText())).as("the Redis host is a service").isTrue();
        soft.assertAll();
    }

    /** Only the gateway (the app and API) and Keycloak (sign-in) are reachable from the host (decision 24). */
    @Test
    void onlyTheGatewayAndKeycloakArePublishedOnTheTablesPorts() {
        Map<String, String> published = new HashMap<>();
        services.fields().forEachRemaining(e -> e.getValue().path("ports").forEach(p -> published.put(e.getKey(),
                p.path("published").asText() + "->" + p.path("target").asText())));
        assertThat(published).containsOnlyKeys("gateway", "keycloak");
        assertThat(published.get("gateway")).startsWith(table.get("gateway").port() + "->" + table.get("gateway").port());
        assertThat(published.get("keycloak")).startsWith(table.get("keycloak").port() + "->");

        // tokens carry the issuer the browser signs in at: the published Keycloak port, Keycloak's hostname
        String issuer = "http://localhost:" + table.get("keycloak").port();
        for (Component component : table.ofKind("service")) {
            assertThat(environment(service(component.name())).get("DELMS_ISSUER_URI")).isEqualTo(issuer + "/realms/delms");
        }
        assertThat(service("keycloak").path("command").toString()).contains("--hostname=" + issuer);
    }

    @Test
    void theDatabaseServerCreatesADatabaseForEveryServiceWithTheServicesPassword() {
        Map<String, String> mysql = environment(service("mysql"));
        for (Component component : table.ofKind("service")) {
            String variable = component.databasePasswordVariable();
            assertThat(mysql.get(variable)).as("mysql creates %s with %s", component.databaseName(), variable)
                    .isNotBlank()
                    .isEqualTo(environment(service(component.name())).get(variable));
        }
        assertThat(service("mysql").path("volumes").toString())
                .contains("infra/compose/mysql-init").contains("/docker-entrypoint-initdb.d");
    }

    /** Credentials come from .env (a copy of .env.example), never written into the compose file. */
    @Test
    void credentialsComeFromTheEnvFileAndAreNotTheLaunchersDemoValues() {
        Map<String, String> example = new HashMap<>();
        for (String line : Repository.read(".env.example").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                example.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        Matcher used = Pattern.compile("\\$\\{(\\w+):\\?").matcher(composeText);
        Set<String> required = new TreeSet<>();
        while (used.find()) {
            required.add(used.group(1));
        }
        assertThat(example.keySet()).as(".env.example defines what docker-compose.yml requires").isEqualTo(required);
        example.forEach((key, value) -> assertThat(LAUNCHER_DEMO.matcher(value).matches())
                .as("%s is one of the launcher's demo values, which the services refuse outside local runs", key)
                .isFalse());
        Matcher literal = Pattern.compile("(?m)^\\s+\\w*(PASSWORD|KEK)\\w*:\\s*(?!\\$\\{)(\\S+)").matcher(composeText);
        List<String> literals = literal.results().map(m -> m.group()).toList();
        assertThat(literals).as("credentials written into docker-compose.yml").isEmpty();
    }
}
