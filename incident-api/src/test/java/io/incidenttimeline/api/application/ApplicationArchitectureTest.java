package io.incidenttimeline.api.application;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The application layer answers results and refusals; HTTP is the controllers' concern alone. */
@AnalyzeClasses(packages = "io.incidenttimeline.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ApplicationArchitectureTest {

    @ArchTest
    static final ArchRule applicationKnowsNoHttp = noClasses()
            .that().resideInAPackage("..api.application..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.http..", "org.springframework.web..", "jakarta.servlet..", "javax.servlet..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.incidenttimeline.api.problem.ApiProblem")
            .because("commands are sent for schedulers and loaders too; only the HTTP edge maps their outcome to HTTP");
}
