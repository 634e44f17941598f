package ai.dify.delms.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the chassis defaults ({@code META-INF/delms/defaults.properties}) as the property source
 * with the lowest precedence, so a service works without configuration and {@code config/} only
 * overrides what differs.
 */
public class DelmsDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** Name of the property source holding the chassis defaults. */
    public static final String PROPERTY_SOURCE_NAME = "delmsChassisDefaults";

    private static final String LOCATION = "META-INF/delms/defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
            return;
        }
        try {
            environment.getPropertySources()
                    .addLast(new ResourcePropertySource(PROPERTY_SOURCE_NAME, new ClassPathResource(LOCATION)));
        } catch (IOException e) {
            throw new UncheckedIOException("Chassis defaults " + LOCATION + " missing", e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
