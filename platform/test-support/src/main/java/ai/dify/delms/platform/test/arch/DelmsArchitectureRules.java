package ai.dify.delms.platform.test.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Map;
import java.util.Optional;
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
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;

/**
 * The architecture rules every DELMS service keeps, run by one line in the service's base package:
 * <pre>{@code
 * class ArchitectureTest extends DelmsArchitectureRules {}
 * }</pre>
 * The rules: packages by feature (no controller/service/repository layer packages); domain code
 * (everything but web adapters, Kafka listeners and configuration) free of Spring MVC, servlet and
 * Kafka types; controllers never return JPA entities, not even inside Page/List/ResponseEntity;
 * no dependency cycles between feature packages; each feature package is a Spring Modulith application
 * module whose sub-packages are its internals, reached by no other feature. The shape every service
 * shares (docs/decisions.md, 31): a read model of another service's data, feature {@code <owner>view},
 * consumes its owner's events in {@code <Owner>EventsListener}, with the payloads as records of
 * {@code <Owner>Events}, never nested in the listener; the service's configuration class is
 * {@code config.<Service>ServiceConfiguration}. A rule never passes for want of classes: the test must
 * sit in the service's base package, next to its application class.
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
    private static final String CONFIGURATION = "org.springframework.context.annotation.Configuration";
    private static final String READ_MODEL_SUFFIX = "view";
    private static final String EVENTS_LISTENER = "EventsListener";

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
                .allowEmptyShould(false)
                .check(classes());
    }

    @Test
    void domainCodeIsFreeOfWebAndKafka() {
        noClasses().that(isDomainCode())
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.web..", "jakarta.servlet..",
                        "org.apache.kafka..", "org.springframework.kafka..")
                .because("only controllers, Kafka listeners and configuration touch web or Kafka types")
                .allowEmptyShould(false)
                .check(classes());
    }

    @Test
    void controllersNeverReturnEntities() {
        methods().that().areDeclaredInClassesThat()
                .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .should(notReturnEntities())
                .because("DTO records are the API contract; entities change with the schema")
                .allowEmptyShould(false)
                .check(classes());
    }

    /**
     * What only its own feature uses — controllers, Kafka listeners, repositories — sits in the
     * feature's {@code internal} package, so a feature's base package shows its API alone
     * (docs/decisions.md, 31).
     */
    @Test
    void controllersListenersAndRepositoriesAreInternals() {
        ArchRuleDefinition.classes().that().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .or().areAssignableTo("org.springframework.data.repository.Repository")
                .or(DescribedPredicate.describe("have a @KafkaListener method",
                        (JavaClass c) -> c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(KAFKA_LISTENER))))
                .and().resideOutsideOfPackage(basePackage() + ".config..")
                .should().resideInAPackage(basePackage() + ".*.internal..")
                .because("a feature's base package is its API to the other features; what they must not use is internal")
                .allowEmptyShould(false)
                .check(classes());
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching(basePackage() + ".(*)..")
                .should().beFreeOfCycles()
                .allowEmptyShould(false)
                .check(classes());
    }

    @Test
    void readModelsConsumeTheirOwnersEventsInOneListener() {
        ArchRuleDefinition.classes().that(areListenersOfAReadModel(basePackage()))
                .should(beNamedForTheirOwnersEvents(basePackage()))
                .because("each service's read model of licenses, customers, ... looks the same (docs/decisions.md, 31)")
                .allowEmptyShould(false)
                .check(classes());
    }

    @Test
    void consumedPayloadsAreNotNestedInListeners() {
        noClasses().that().areRecords()
                .should(beDeclaredInAnEventsListener())
                .because("the payloads a listener reads are records of its owner's <Owner>Events (docs/decisions.md, 31)")
                .allowEmptyShould(false)
                .check(classes());
    }

    @Test
    void configurationIsNamedForTheService() {
        String expected = serviceName(basePackage()) + "ServiceConfiguration";
        ArchRuleDefinition.classes().that().resideInAPackage(basePackage() + ".config..").and().areTopLevelClasses()
                .and().areAnnotatedWith(CONFIGURATION)
                .should().haveSimpleName(expected)
                .because("one configuration class per service, named alike everywhere (docs/decisions.md, 31)")
                .allowEmptyShould(false)
                .check(classes());
    }

    /** {@code license} of {@code ai.dify.delms.license} as {@code License}. */
    private static String serviceName(String basePackage) {
        return capitalized(basePackage.substring(basePackage.lastIndexOf('.') + 1));
    }

    /** The owner a class reads the data of, {@code License} for a class in {@code <base>.licenseview..}; null elsewhere. */
    private static String readModelOwner(String basePackage, JavaClass javaClass) {
        String packageName = javaClass.getPackageName();
        if (!packageName.startsWith(basePackage + ".")) {
            return null;
        }
        String feature = packageName.substring(basePackage.length() + 1).split("\\.")[0];
        if (!feature.endsWith(READ_MODEL_SUFFIX) || feature.length() == READ_MODEL_SUFFIX.length()) {
            return null;
        }
        return capitalized(feature.substring(0, feature.length() - READ_MODEL_SUFFIX.length()));
    }

    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static DescribedPredicate<JavaClass> areListenersOfAReadModel(String basePackage) {
        return DescribedPredicate.describe("are listeners in a read model's feature (<owner>view)",
                javaClass -> javaClass.isTopLevelClass() && readModelOwner(basePackage, javaClass) != null
                        && (javaClass.getSimpleName().endsWith("Listener")
                                || javaClass.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(KAFKA_LISTENER))));
    }

    private static ArchCondition<JavaClass> beNamedForTheirOwnersEvents(String basePackage) {
        return new ArchCondition<>("be named <Owner>" + EVENTS_LISTENER + " after their <owner>view feature") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                String expected = readModelOwner(basePackage, javaClass) + EVENTS_LISTENER;
                if (!javaClass.getSimpleName().equals(expected)) {
                    events.add(SimpleConditionEvent.violated(javaClass,
                            javaClass.getName() + " should be named " + expected));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> beDeclaredInAnEventsListener() {
        return new ArchCondition<>("be declared inside a *" + EVENTS_LISTENER) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                Optional<JavaClass> enclosing = javaClass.getEnclosingClass();
                while (enclosing.isPresent()) {
                    if (enclosing.get().getSimpleName().endsWith(EVENTS_LISTENER)) {
                        events.add(SimpleConditionEvent.satisfied(javaClass,
                                javaClass.getName() + " is declared in " + enclosing.get().getName()));
                        return;
                    }
                    enclosing = enclosing.get().getEnclosingClass();
                }
                events.add(SimpleConditionEvent.violated(javaClass,
                        javaClass.getName() + " is not declared in a *" + EVENTS_LISTENER));
            }
        };
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
