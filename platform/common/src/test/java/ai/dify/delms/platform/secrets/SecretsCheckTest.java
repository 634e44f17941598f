package ai.dify.delms.platform.secrets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What the start-up check accepts and refuses, on environments shaped like config/*.yml. */
class SecretsCheckTest {

    private final SecretsCheck check = new SecretsCheck();

    @Test
    void aMissingDatabasePasswordNamesItsEnvironmentVariable() {
        MockEnvironment environment = service("k8s");

        assertThat(problems(environment)).containsExactly(
                "spring.datasource.password is empty: set the environment variable DELMS_LICENSE_DB_PASSWORD"
                        + " to the deployment's secret");
    }

    @Test
    void demoValuesFromTheEnvironmentAreRefused() {
        MockEnvironment environment = service("docker")
                .withProperty("DELMS_LICENSE_DB_PASSWORD", "delms_license_demo")
                .withProperty("spring.config.import", "optional:configserver:http://config:8888")
                .withProperty("spring.cloud.config.password", "${DELMS_CONFIG_PASSWORD:}")
                .withProperty("DELMS_CONFIG_PASSWORD", "delms_config_demo")
                .withProperty("eureka.client.service-url.defaultZone",
                        "http://${DELMS_EUREKA_USER:delms}:${DELMS_EUREKA_PASSWORD:}@discovery:8761/eureka/")
                .withProperty("DELMS_EUREKA_PASSWORD", "delms_eureka_demo");

        assertThat(problems(environment)).containsExactly(
                "spring.datasource.password holds a demo value: set the environment variable DELMS_LICENSE_DB_PASSWORD"
                        + " to the deployment's secret",
                "spring.cloud.config.password holds a demo value: set the environment variable DELMS_CONFIG_PASSWORD"
                        + " to the deployment's secret",
                "eureka.client.service-url.defaultZone holds a demo value: set the environment variable"
                        + " DELMS_EUREKA_PASSWORD to the deployment's secret");
    }

    @Test
    void theKeycloakAdminDemoPasswordIsRefusedAsAnyCredential() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.security.user.name", "delms")
                .withProperty("spring.security.user.password", "admin");

        assertThat(problems(environment)).containsExactly(
                "spring.security.user.password holds a demo value: set spring.security.user.password"
                        + " to the deployment's secret");
    }

    @Test
    void theDemoKeyEncryptionKeyOfLicenseSigningKeysIsRefused() {
        MockEnvironment environment = licenseFiles("docker")
                .withProperty("DELMS_LICENSE_FILES_KEK", "ZGVsbXMtbGljZW5zZS1maWxlcy1rZWstZGVtby1rZXk=");

        assertThat(problems(environment)).containsExactly(
                "delms.license-files.key-encryption-key holds a demo value: set the environment variable"
                        + " DELMS_LICENSE_FILES_KEK to the deployment's secret");
    }

    @Test
    void aMissingKeyEncryptionKeyIsRefusedAndThePreviousOneIsCheckedOnlyWhenSet() {
        assertThat(problems(licenseFiles("k8s"))).containsExactly(
                "delms.license-files.key-encryption-key is empty: set the environment variable"
                        + " DELMS_LICENSE_FILES_KEK to the deployment's secret");

        MockEnvironment changingKek = licenseFiles("k8s")
                .withProperty("DELMS_LICENSE_FILES_KEK", "UL8F3zfntFbr2RqzxQtcEGpFG158X6gIxYpUHG6/Lx8=")
                .withProperty("DELMS_LICENSE_FILES_PREVIOUS_KEK", "ZGVsbXMtbGljZW5zZS1maWxlcy1rZWstZGVtby1rZXk=");
        assertThat(problems(changingKek)).containsExactly(
                "delms.license-files.previous-key-encryption-key holds a demo value: set the environment variable"
                        + " DELMS_LICENSE_FILES_PREVIOUS_KEK to the deployment's secret");

        MockEnvironment realKek = licenseFiles("k8s")
                .withProperty("DELMS_LICENSE_FILES_KEK", "UL8F3zfntFbr2RqzxQtcEGpFG158X6gIxYpUHG6/Lx8=");
        assertThatCode(() -> check.postProcessEnvironment(realKek, new SpringApplication())).doesNotThrowAnyException();
    }

    @Test
    void aRegistryUrlWithoutCredentialsIsRefused() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("eureka.client.service-url.defaultZone", "http://discovery:8761/eureka/");

        assertThat(problems(environment)).singleElement().asString()
                .startsWith("eureka.client.service-url.defaultZone is empty");
    }

    @Test
    void realSecretsPass() {
        MockEnvironment environment = service("k8s")
                .withProperty("DELMS_LICENSE_DB_PASSWORD", "Zq8v-real-secret")
                .withProperty("eureka.client.service-url.defaultZone",
                        "http://delms:${DELMS_EUREKA_PASSWORD:}@discovery:8761/eureka/")
                .withProperty("DELMS_EUREKA_PASSWORD", "n0t-a-demo");

        assertThatCode(() -> check.postProcessEnvironment(environment, new SpringApplication())).doesNotThrowAnyException();
    }

    @Test
    void theLocalProfileMayUseDemoValues() {
        MockEnvironment environment = service("local").withProperty("DELMS_LICENSE_DB_PASSWORD", "delms_license_demo");

        assertThatCode(() -> check.postProcessEnvironment(environment, new SpringApplication())).doesNotThrowAnyException();
    }

    @Test
    void clientsThatAreSwitchedOffNeedNoCredentials() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.config.import", "optional:configserver:http://config:8888")
                .withProperty("spring.cloud.config.enabled", "false")
                .withProperty("eureka.client.service-url.defaultZone", "http://localhost:8761/eureka/")
                .withProperty("eureka.client.enabled", "false");

        assertThatCode(() -> check.postProcessEnvironment(environment, new SpringApplication())).doesNotThrowAnyException();
    }

    @Test
    void theRegistryItselfSendsNoCredentials() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("eureka.client.service-url.defaultZone", "http://localhost:8761/eureka/")
                .withProperty("eureka.client.register-with-eureka", "false")
                .withProperty("eureka.client.fetch-registry", "false");

        assertThatCode(() -> check.postProcessEnvironment(environment, new SpringApplication())).doesNotThrowAnyException();
    }

    /** A service's database settings as config/license-service.yml has them, under the given profile. */
    private static MockEnvironment service(String profile) {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:mariadb://db:3306/delms_license")
                .withProperty("spring.datasource.password", "${DELMS_LICENSE_DB_PASSWORD:}");
        environment.setActiveProfiles(profile);
        return environment;
    }

    /** license-service's key-encryption keys as config/license-service.yml has them, under the given profile. */
    private static MockEnvironment licenseFiles(String profile) {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("delms.license-files.key-encryption-key", "${DELMS_LICENSE_FILES_KEK:}")
                .withProperty("delms.license-files.previous-key-encryption-key", "${DELMS_LICENSE_FILES_PREVIOUS_KEK:}");
        environment.setActiveProfiles(profile);
        return environment;
    }

    private java.util.List<String> problems(MockEnvironment environment) {
        DemoSecretsException refused = catchThrowableOfType(DemoSecretsException.class,
                () -> check.postProcessEnvironment(environment, new SpringApplication()));
        assertThat(refused).as("refused to start").isNotNull();
        return refused.problems();
    }
}
