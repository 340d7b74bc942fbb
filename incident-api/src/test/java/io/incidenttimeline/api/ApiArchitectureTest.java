package io.incidenttimeline.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layout of incident-api: only the HTTP edges know HTTP: the API ({@code ..api.http..}) and the console
 * ({@code ..api.console..}), which serves pages over the API's reads and request types. The application layer, the
 * capabilities (audit, subscribers, Alertmanager, storage, the demo, maintenance windows, the Statuspage documents)
 * and the Axon wiring send commands and read read models without any HTTP type, so schedulers, the demo and
 * Alertmanager use the same path as a request.
 */
@AnalyzeClasses(packages = "io.incidenttimeline.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ApiArchitectureTest {

    private static final String HTTP = "io.incidenttimeline.api.http..";
    private static final String CONSOLE = "io.incidenttimeline.api.console..";

    @ArchTest
    static final ArchRule onlyTheHttpEdgeKnowsHttp = noClasses()
            .that().resideOutsideOfPackages(HTTP, CONSOLE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.http..", "org.springframework.web..", "jakarta.servlet..", "javax.servlet..",
                    "org.apache.catalina..", "org.apache.tomcat..")
            .because("results and refusals become HTTP at the edge only; everything else is called the same way by a "
                    + "request, a scheduler, the demo and Alertmanager");

    @ArchTest
    static final ArchRule nothingButTheEdgeDependsOnIt = noClasses()
            .that().resideOutsideOfPackages(HTTP, CONSOLE)
            .and().resideOutsideOfPackage("io.incidenttimeline.api.demo..")
            .should().dependOnClassesThat().resideInAPackage(HTTP)
            .because("the edge depends on the application, never the other way round (the demo is a client: it reads "
                    + "the reference incident as the API's own request bodies, which are also the API's examples)");

    @ArchTest
    static final ArchRule theApiDoesNotKnowTheConsole = noClasses()
            .that().resideInAPackage(HTTP)
            .should().dependOnClassesThat().resideInAPackage(CONSOLE)
            .because("the console is a client of the API's reads and requests; the API works without it");
}
