package io.incidenttimeline.projections.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The link function against values computed independently (Python hashlib), as an auditor would recompute them. */
class ChainHashTest {

    @Test
    void genesisIs32ZeroBytes() {
        assertThat(ChainHash.GENESIS).hasSize(64).matches("0+");
        assertThat(ChainHash.parse(ChainHash.GENESIS)).hasSize(32).containsOnly(0);
    }

    @Test
    void eachLinkHashesTheRawPreviousHashThenTheCanonicalEnvelope() {
        String first = ChainHash.next(ChainHash.GENESIS, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(first).isEqualTo("b06a229070741292512e8760f470dd7a4c46ccfdf253df781d88dabe58c1ccb1");

        String second = ChainHash.next(first, "{\"b\":\"é\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(second).isEqualTo("79ccf3cfad8b57711ea51d7678c108df870e8054f8f5b7649ef73924f03513d4");
    }

    @Test
    void aHashIsExactly64LowerCaseHexDigits() {
        assertThat(ChainHash.isHash("ab".repeat(32))).isTrue();
        assertThat(ChainHash.isHash("AB".repeat(32))).isFalse();
        assertThat(ChainHash.isHash("ab".repeat(31))).isFalse();
        assertThat(ChainHash.isHash(null)).isFalse();
        assertThatThrownBy(() -> ChainHash.parse("xyz")).isInstanceOf(IllegalArgumentException.class);
    }
}
