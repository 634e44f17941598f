package ai.dify.delms.platform.test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import ai.dify.delms.platform.test.db.TestDatabase;
import ai.dify.delms.platform.test.db.TestDatabaseServer;
import ai.dify.delms.platform.test.kafka.TestKafka;
import ai.dify.delms.platform.test.kafka.TestKafkaBroker;
import ai.dify.delms.platform.test.tokens.TestTokenIssuer;

/**
 * Wires the real fixtures into each {@link DelmsServiceTest} context: a fresh database, the JVM's
 * Kafka broker (with a consumer group of its own, so cached contexts do not steal each other's
 * records), the JVM's token issuer. Its properties rank above the application's configuration and
 * below {@code @DynamicPropertySource}, so a test can still point elsewhere.
 */
public class DelmsTestFixtures implements ContextCustomizerFactory {

    static final String PROPERTY_SOURCE = "delmsTestFixtures";
    private static TestTokenIssuer issuer;

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    static synchronized TestTokenIssuer issuer() {
        if (issuer == null) {
            issuer = TestTokenIssuer.start();
            FixtureShutdown.register(FixtureShutdown.Stage.ISSUER, "token issuer", issuer::close);
        }
        return issuer;
    }

    /** Equal to every other instance: contexts differ by their other configuration, not by this. */
    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestDatabase database = TestDatabaseServer.get().createDatabase();
            String kafka = TestKafkaBroker.bootstrapServers();
            TestTokenIssuer tokens = issuer();
            String application = context.getEnvironment().getProperty("spring.application.name", "service");

            Map<String, Object> properties = new HashMap<>();
            properties.put("spring.datasource.url", database.jdbcUrl());
            properties.put("spring.datasource.username", database.username());
            properties.put("spring.datasource.password", database.password());
            properties.put("spring.kafka.bootstrap-servers", kafka);
            properties.put("spring.kafka.consumer.group-id",
                    application + "-test-" + UUID.randomUUID().toString().substring(0, 8));
            properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", tokens.issuerUri());
            properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", tokens.jwkSetUri());
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            MapPropertySource source = new MapPropertySource(PROPERTY_SOURCE, properties);
            if (sources.contains("Dynamic Test Properties")) {
                sources.addAfter("Dynamic Test Properties", source);
            } else {
                sources.addFirst(source);
            }

            context.getBeanFactory().registerSingleton("delmsTestTokens", new TestTokens(tokens));
            context.getBeanFactory().registerSingleton("delmsTestKafka", new TestKafka(kafka));
            context.getBeanFactory().registerSingleton("delmsTestDatabase", database);
            FixtureShutdown.closeAtExit(context);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
