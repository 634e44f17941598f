package ai.dify.delms.platform.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A real Spring application (the check registered in META-INF/spring.factories), as an operator starts one. */
@ExtendWith(OutputCaptureExtension.class)
class SecretsCheckStartupTest {

    private static final String DATABASE = "--spring.datasource.url=jdbc:mariadb://db:3306/delms_license";
    private static final String PASSWORD_FROM_ENVIRONMENT = "--spring.datasource.password=${DELMS_LICENSE_DB_PASSWORD:}";

    @Test
    void aContainerProfileWithTheDemoPasswordDoesNotStartAndSaysWhatToSet(CapturedOutput output) {
        assertThatThrownBy(() -> start("--spring.profiles.active=k8s", DATABASE, PASSWORD_FROM_ENVIRONMENT,
                "--DELMS_LICENSE_DB_PASSWORD=delms_license_demo"))
                .isInstanceOf(DemoSecretsException.class);

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("spring.datasource.password holds a demo value: set the environment variable DELMS_LICENSE_DB_PASSWORD")
                .doesNotContain("delms_license_demo");
    }

    @Test
    void noProfileAtAllIsNotLocalEither(CapturedOutput output) {
        assertThatThrownBy(() -> start(DATABASE, PASSWORD_FROM_ENVIRONMENT)).isInstanceOf(DemoSecretsException.class);

        assertThat(output).contains("spring.datasource.password is empty: set the environment variable DELMS_LICENSE_DB_PASSWORD");
    }

    @Test
    void aContainerProfileWithARealPasswordStarts() {
        try (ConfigurableApplicationContext context = start("--spring.profiles.active=k8s", DATABASE,
                PASSWORD_FROM_ENVIRONMENT, "--DELMS_LICENSE_DB_PASSWORD=Zq8v-real-secret")) {
            assertThat(context.isActive()).isTrue();
        }
    }

    @Test
    void theLocalProfileStartsWithTheDemoPassword() {
        try (ConfigurableApplicationContext context = start("--spring.profiles.active=local", DATABASE,
                PASSWORD_FROM_ENVIRONMENT, "--DELMS_LICENSE_DB_PASSWORD=delms_license_demo")) {
            assertThat(context.isActive()).isTrue();
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(EmptyApplication.class).web(WebApplicationType.NONE).run(args);
    }

    @Configuration(proxyBeanMethods = false)
    static class EmptyApplication {
    }
}
