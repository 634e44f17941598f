package ai.dify.delms.platform.test.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The architecture rules every DELMS service keeps, run by one line in the service's base package:
 * <pre>{@code
 * class ArchitectureTest extends DelmsArchitectureRules {}
 * }</pre>
 * The rules: packages by feature (no controller/service/repository layer packages); domain code
 * (everything but web adapters, Kafka listeners and configuration) free of Spring MVC, servlet and
 * Kafka types; controllers never return JPA entities, not even inside Page/List/ResponseEntity;
 * no dependency cycles between feature packages; each feature package is a Spring Modulith application
 * module whose sub-packages are its internals, reached by no other feature. A rule never passes for
 * want of classes: the test must sit in the service's base package, next to its application class.
 */
public abstract class DelmsArchitectureRules {

    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    private static final Set<String> ADAPTER_ANNOTATIONS = Set.of(
            "org.springframework.web.bind.annotation.RestController",
            "org.springframework.stereotype.Controller",
            "org.springframework.web.bind.annotation.RestControllerAdvice",
            "org.springframework.web.bind.annotation.ControllerAdvice",
            "org.springframework.context.annotation.Configuration",
            "org.springframework.boot.autoconfigure.SpringBootApplication");

    private static final String KAFKA_LISTENER = "org.springframework.kafka.annotation.KafkaListener";
    private static final String ENTITY = "jakarta.persistence.Entity";

    /** The service's base package: the package of the test class. */
    protected String basePackage() {
        return getClass().getPackageName();
    }

    protected JavaClasses classes() {
        return IMPORTED.computeIfAbsent(basePackage(), p -> new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(p));
    }

    @Test
    void checksTheServicesOwnClasses() {
        assertThat(classes().stream().anyMatch(c -> c.isAnnotatedWith("org.springframework.boot.autoconfigure.SpringBootApplication")
                        && c.getPackageName().equals(basePackage())))
                .as("the application class in %s (the test belongs in the service's base package)", basePackage())
                .isTrue();
    }

    @Test
    void featuresAreModulesThatKeepToTheirApis() {
        ApplicationModules.of(basePackage()).verify();
    }

    @Test
    void packagesAreFeaturesNotLayers() {
        noClasses().should().resideInAnyPackage(
                        basePackage() + ".controller..", basePackage() + ".controllers..",
                        basePackage() + ".service..", basePackage() + ".services..",
                        basePackage() + ".repository..", basePackage() + ".repositories..",
                        basePackage() + ".web..", basePackage() + ".persistence..")
                .because("a service is organised by feature (license/, usage/, ...), each holding its own layers")
                .check(classes());
    }

    @Test
    void domainCodeIsFreeOfWebAndKafka() {
        noClasses().that(isDomainCode())
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.web..", "jakarta.servlet..",
                        "org.apache.kafka..", "org.springframework.kafka..")
                .because("only controllers, Kafka listeners and configuration touch web or Kafka types")
                .check(classes());
    }

    @Test
    void controllersNeverReturnEntities() {
        methods().that().areDeclaredInClassesThat()
                .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .should(notReturnEntities())
                .because("DTO records are the API contract; entities change with the schema")
                .check(classes());
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching(basePackage() + ".(*)..")
                .should().beFreeOfCycles()
                .check(classes());
    }

    private static DescribedPredicate<JavaClass> isDomainCode() {
        return DescribedPredicate.describe("are domain code (not a web adapter, Kafka listener or configuration)",
                javaClass -> !isAdapter(javaClass) && !isAdapter(javaClass.getEnclosingClass().orElse(null)));
    }

    private static boolean isAdapter(JavaClass javaClass) {
        if (javaClass == null) {
            return false;
        }
        boolean annotated = javaClass.getAnnotations().stream()
                .anyMatch(a -> ADAPTER_ANNOTATIONS.contains(a.getRawType().getName())
                        || a.getRawType().isMetaAnnotatedWith("org.springframework.stereotype.Controller"));
        boolean listener = javaClass.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(KAFKA_LISTENER))
                || javaClass.isAnnotatedWith(KAFKA_LISTENER);
        boolean configurationPackage = javaClass.getPackageName().endsWith(".config");
        return annotated || listener || configurationPackage;
    }

    private static ArchCondition<JavaMethod> notReturnEntities() {
        return new ArchCondition<>("not return JPA entities (also as type arguments)") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                if (mentionsEntity(method.getReturnType())) {
                    events.add(SimpleConditionEvent.violated(method,
                            method.getFullName() + " returns a JPA entity: " + method.getReturnType().getName()));
                }
            }
        };
    }

    private static boolean mentionsEntity(JavaType type) {
        if (type.toErasure().isAnnotatedWith(ENTITY)) {
            return true;
        }
        if (type instanceof JavaParameterizedType parameterized) {
            return parameterized.getActualTypeArguments().stream().anyMatch(DelmsArchitectureRules::mentionsEntity);
        }
        return false;
    }
}
