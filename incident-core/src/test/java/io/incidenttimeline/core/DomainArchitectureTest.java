package io.incidenttimeline.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.incidenttimeline.core.shared.DomainEvent;
import org.axonframework.serialization.Revision;

/** incident-core is the domain: no Spring, no database, no web. Its events are plain records. */
@AnalyzeClasses(packages = "io.incidenttimeline.core", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainArchitectureTest {

    @ArchTest
    static final ArchRule coreDependsOnNoSpring = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.axonframework.spring..", "org.axonframework.springboot..")
            .because("the domain must be usable without Spring; Axon's Spring integration belongs in incident-api");

    @ArchTest
    static final ArchRule coreDependsOnNoJpa = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "javax.persistence..")
            .because("the domain knows no database mapping");

    @ArchTest
    static final ArchRule coreDependsOnNoWeb = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "jakarta.servlet..", "javax.servlet..", "org.springframework.web..")
            .because("HTTP is the API module's concern");

    @ArchTest
    static final ArchRule coreDependsOnNoJdbc = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..")
            .because("the domain knows no database");

    @ArchTest
    static final ArchRule eventsAreRecords = classes()
            .that().resideInAnyPackage("io.incidenttimeline.core.incident.event..",
                    "io.incidenttimeline.core.maintenance.event..")
            .should().beRecords()
            .because("events are immutable facts");

    @ArchTest
    static final ArchRule eventsTellTheirTimes = classes()
            .that().areRecords().and().areAnnotatedWith(Revision.class)
            .should().implement(DomainEvent.class)
            .because("the audit trail and time travel read when an event happened and was recorded from DomainEvent");
}
