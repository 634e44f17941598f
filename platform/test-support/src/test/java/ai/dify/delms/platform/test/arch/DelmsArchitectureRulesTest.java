package ai.dify.delms.platform.test.arch;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/** The shape rules (docs/decisions.md, 31) against small services that keep or break them. */
class DelmsArchitectureRulesTest {

    private static final String FIXTURES = "ai.dify.delms.platform.test.arch.fixture.";

    private final RulesFor shaped = new RulesFor(FIXTURES + "shaped");
    private final RulesFor misshapen = new RulesFor(FIXTURES + "misshapen");
    private final RulesFor empty = new RulesFor(FIXTURES + "empty");

    @Test
    void aServiceOfTheAgreedShapePasses() {
        assertThatCode(shaped::readModelsConsumeTheirOwnersEventsInOneListener).doesNotThrowAnyException();
        assertThatCode(shaped::consumedPayloadsAreNotNestedInListeners).doesNotThrowAnyException();
        assertThatCode(shaped::configurationIsNamedForTheService).doesNotThrowAnyException();
        assertThatCode(shaped::controllersListenersAndRepositoriesAreInternals).doesNotThrowAnyException();
    }

    @Test
    void aListenerOutsideItsFeaturesInternalPackageIsRefused() {
        assertThatThrownBy(misshapen::controllersListenersAndRepositoriesAreInternals)
                .hasMessageContaining("misshapen.licenseview.LicenseListener")
                .hasMessageContaining(".*.internal..");
    }

    @Test
    void aReadModelsListenerIsNamedForItsOwnersEvents() {
        assertThatThrownBy(misshapen::readModelsConsumeTheirOwnersEventsInOneListener)
                .hasMessageContaining("misshapen.licenseview.LicenseListener should be named LicenseEventsListener");
    }

    @Test
    void aPayloadNestedInAListenerIsRefused() {
        assertThatThrownBy(misshapen::consumedPayloadsAreNotNestedInListeners)
                .hasMessageContaining("CustomerEventsListener$CustomerCreated is declared in");
    }

    @Test
    void theConfigurationClassIsNamedForTheService() {
        assertThatThrownBy(misshapen::configurationIsNamedForTheService)
                .hasMessageContaining("MisshapenServiceConfiguration")
                .hasMessageContaining("misshapen.config.AccessRules");
    }

    @Test
    void noRulePassesForWantOfClasses() {
        assertThatThrownBy(empty::readModelsConsumeTheirOwnersEventsInOneListener).hasMessageContaining("failed to check any classes");
        assertThatThrownBy(empty::consumedPayloadsAreNotNestedInListeners).hasMessageContaining("failed to check any classes");
        assertThatThrownBy(empty::configurationIsNamedForTheService).hasMessageContaining("failed to check any classes");
        assertThatThrownBy(empty::controllersListenersAndRepositoriesAreInternals)
                .hasMessageContaining("failed to check any classes");
    }

    /** The rules of one fixture service; not a test class itself. */
    static final class RulesFor extends DelmsArchitectureRules {

        private final String basePackage;

        RulesFor(String basePackage) {
            this.basePackage = basePackage;
        }

        @Override
        protected String basePackage() {
            return basePackage;
        }

        @Override
        protected JavaClasses classes() {
            return new ClassFileImporter().importPackages(basePackage);
        }
    }
}
