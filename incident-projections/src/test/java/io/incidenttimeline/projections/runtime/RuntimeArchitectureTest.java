package io.incidenttimeline.projections.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The runtime processes, claims and replays whatever projections there are: it names none of them. Nothing in
 * incident-projections knows HTTP: the runtime and the read models throw their own exceptions and answer plain values;
 * the HTTP layer maps them.
 */
@AnalyzeClasses(packages = "io.incidenttimeline.projections", importOptions = ImportOption.DoNotIncludeTests.class)
class RuntimeArchitectureTest {

    @ArchTest
    static final ArchRule namesNoFeature = noClasses().that().resideInAPackage("..projections.runtime..")
            .should().dependOnClassesThat().resideInAnyPackage("..projections.publicview..", "..projections.audit..",
                    "..projections.metrics..", "..projections.maintenance..", "..projections.componenthistory..")
            .because("each projection declares what the runtime needs to know about it");

    @ArchTest
    static final ArchRule knowsNoHttp = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.http..",
                    "org.springframework.web..", "jakarta.servlet..", "io.incidenttimeline.api..")
            .because("read models and their runtime are used by requests, schedulers and replays alike");
}
