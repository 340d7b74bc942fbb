package io.incidenttimeline.api.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The README's configuration table has a row for every property the application binds under {@code incident.*},
 * and no row for a property that does not exist: the table is read by people deploying it, so a missing or stale row
 * is a trap (the page URL was once missing and its localhost default went to production).
 */
class ReadmeConfigurationTableTest {

    /** Bound as Spring's own DataSourceProperties and HikariConfig (StorageConfig), not by a record of ours. */
    private static final String READ_STORE_DATASOURCE = "incident.read-store.datasource.";

    @Test
    void everyBoundPropertyHasARowInTheReadmeTableAndEveryRowIsBound() throws Exception {
        Set<String> bound = boundProperties();
        Set<String> documented = Readme.configurationTableProperties();

        assertThat(bound).as("bound properties found by scanning @ConfigurationProperties").hasSizeGreaterThan(30);
        assertThat(new TreeSet<>(bound)).as("properties the README's configuration table lacks")
                .allSatisfy(property -> assertThat(documented).contains(property));
        assertThat(documented.stream().filter(p -> p.startsWith("incident."))
                .filter(p -> !p.startsWith(READ_STORE_DATASOURCE)).toList())
                .as("rows naming an incident.* property the application does not bind")
                .allSatisfy(property -> assertThat(bound).contains(property));
    }

    private static Set<String> boundProperties() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        Set<String> properties = new TreeSet<>();
        for (var candidate : scanner.findCandidateComponents("io.incidenttimeline")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            String prefix = type.getAnnotation(ConfigurationProperties.class).value();
            if (prefix.isEmpty()) {
                prefix = type.getAnnotation(ConfigurationProperties.class).prefix();
            }
            collect(prefix, type, properties);
        }
        return properties;
    }

    private static void collect(String prefix, Class<?> type, Set<String> into) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + kebab(component.getName());
            Class<?> valueType = component.getType();
            if (valueType.isRecord()) {
                collect(name, valueType, into);
            } else if (Collection.class.isAssignableFrom(valueType) && elementType(component.getGenericType(), 0)
                    instanceof Class<?> element && element.isRecord()) {
                collect(name + "[N]", element, into);
            } else if (Map.class.isAssignableFrom(valueType)) {
                into.add(name + ".<key>");
            } else {
                into.add(name);
            }
        }
    }

    private static Type elementType(Type type, int index) {
        return type instanceof ParameterizedType parameterized ? parameterized.getActualTypeArguments()[index] : null;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
