package io.incidenttimeline.projections.runtime;

import java.util.Set;
import java.util.TreeSet;
import org.axonframework.config.ProcessingGroup;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * The segments each processor has: {@code incident.processing.segments}, but one for the processing groups whose
 * handlers are marked {@link SingleSegment}. Found from the bean definitions, without creating the handlers.
 */
public final class ProcessorSegments {

    private final Set<String> singleSegment;
    private final int configured;

    ProcessorSegments(Set<String> singleSegment, int configured) {
        this.singleSegment = Set.copyOf(singleSegment);
        this.configured = configured;
    }

    static ProcessorSegments declaredBy(ListableBeanFactory beans, ProcessingProperties properties) {
        Set<String> single = new TreeSet<>();
        for (String bean : beans.getBeanNamesForAnnotation(SingleSegment.class)) {
            Class<?> type = beans.getType(bean, false);
            ProcessingGroup group = type == null ? null
                    : AnnotatedElementUtils.findMergedAnnotation(type, ProcessingGroup.class);
            if (group == null) {
                throw new IllegalStateException("bean " + bean + " is marked @SingleSegment but names no "
                        + "@ProcessingGroup, so its processor cannot be told apart");
            }
            single.add(group.value());
        }
        return new ProcessorSegments(single, properties.segments());
    }

    public int of(String processor) {
        return singleSegment.contains(processor) ? 1 : configured;
    }

    Set<String> singleSegment() {
        return singleSegment;
    }
}
