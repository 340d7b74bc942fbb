package io.incidenttimeline.projections.runtime;

import org.axonframework.config.ProcessingGroup;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;

/** The processing group a handler bean belongs to, as its {@code @ProcessingGroup} names it. */
final class ProcessingGroups {

    private ProcessingGroups() {
    }

    /** The group of {@code projection}; without a {@code @ProcessingGroup}, its own name. */
    static String of(ReplayableProjection projection) {
        ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(AopUtils.getTargetClass(projection),
                ProcessingGroup.class);
        return group == null ? projection.name() : group.value();
    }
}
