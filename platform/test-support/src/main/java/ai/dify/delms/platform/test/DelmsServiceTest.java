package ai.dify.delms.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * A service test against real servers: the whole application ({@code @SpringBootTest} with
 * MockMvc) on a fresh database of the test database server ({@link ai.dify.delms.platform.test.db.TestDatabaseServer}),
 * the JVM's embedded Kafka broker, and a real token issuer whose JWKS the service fetches.
 * Config server and Eureka are off. Inject {@link TestTokens}, {@link ai.dify.delms.platform.test.kafka.TestKafka}
 * and {@code MockMvc}.
 * <p>
 * Test classes with the same configuration share one application context (Spring's test context
 * cache), hence one database; use unique names in test data. A test class that needs its own
 * context (e.g. with {@code @DynamicPropertySource}) gets its own database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "spring.cloud.config.enabled=false",
        "spring.cloud.config.import-check.enabled=false",
        "eureka.client.enabled=false",
        "spring.cloud.discovery.enabled=false",
        "logging.file.name=",
        "logging.structured.format.file=",
        "delms.events.resubmission.interval=PT1S",
        "delms.events.resubmission.min-age=PT0S",
        // an event waiting for an aggregate its consumer does not know gives up within seconds, not minutes
        "delms.events.consumer.not-known-give-up=PT5S",
        "logging.level.org.apache.kafka=WARN",
        "logging.level.kafka=WARN",
        "logging.level.state.change.logger=WARN",
        "logging.level.org.testcontainers=WARN"})
@AutoConfigureMockMvc
@ContextCustomizerFactories(DelmsTestFixtures.class)
public @interface DelmsServiceTest {
}
