package io.incidenttimeline.api.http.read.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidenttimeline.api.http.infra.problem.ApiProblem;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class PositionRangeTest {

    @Test
    void absentBoundsDefaultToTheWholeHistory() {
        assertThat(PositionRange.parse(null, null, 99)).isEqualTo(new PositionRange(1, 99));
        assertThat(PositionRange.parse("5", null, 99)).isEqualTo(new PositionRange(5, 99));
        assertThat(PositionRange.parse(null, "7", 99)).isEqualTo(new PositionRange(1, 7));
    }

    @Test
    void aBackwardRangeIsABadRequestNamingFromPosition() {
        assertThatThrownBy(() -> PositionRange.parse("9", "3", 99)).isInstanceOfSatisfying(ApiProblem.class, p -> {
            assertThat(p.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(p.type()).isEqualTo("invalid-range");
            assertThat(p.field()).isEqualTo("fromPosition");
        });
    }

    @Test
    void onlyWholeNumbersFromZeroUpArePositions() {
        for (String bad : new String[] {"abc", "-1", "1.5", "", "99999999999999999999"}) {
            assertThatThrownBy(() -> PositionRange.parse(null, bad, 99)).as(bad)
                    .isInstanceOfSatisfying(ApiProblem.class, p -> {
                        assertThat(p.type()).isEqualTo("invalid-position");
                        assertThat(p.field()).isEqualTo("toPosition");
                    });
        }
    }
}
