package ai.dify.delms.platform.secrets;

import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start outside the {@code local} profile while a credential the application uses is
 * empty or one of the repository's demo values (docs/decisions.md, 24). Runs once the whole
 * configuration is known (environment, config files, config-server) and before anything connects
 * anywhere; the failure is reported by {@link DemoSecretsFailureAnalyzer}.
 */
public class SecretsCheck implements EnvironmentPostProcessor, Ordered {

    /** The profile of local runs on one machine (the launcher, module tests): demo values are fine there. */
    public static final String LOCAL_PROFILE = "local";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.matchesProfiles(LOCAL_PROFILE)) {
            return;
        }
        List<String> unusable = CredentialsInUse.of(environment).stream()
                .filter(credential -> !credential.isReal())
                .map(Credential::problem)
                .distinct()
                .toList();
        if (!unusable.isEmpty()) {
            throw new DemoSecretsException(unusable);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
