package io.incidenttimeline.projections.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.InvalidKeyException;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;

class Ed25519KeysTest {

    /** Made with {@code openssl genpkey -algorithm ed25519} and {@code openssl pkey -pubout}. */
    private static final String OPENSSL_PRIVATE = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEIKqiT9jNOWFdzZzlMy6mtejYXQyhgtcubxYjBGRCgUV/
            -----END PRIVATE KEY-----
            """;
    private static final String OPENSSL_PUBLIC = """
            -----BEGIN PUBLIC KEY-----
            MCowBQYDK2VwAyEAARJwRaiezeFgGedH+dmh03cgTkODtyuuyOtKMiyJIk8=
            -----END PUBLIC KEY-----
            """;

    @Test
    void thePublicKeyDerivedFromAnOpensslPrivateKeyIsTheOneOpensslDerives() throws Exception {
        KeyPair pair = Ed25519Keys.fromPrivateKeyPem(OPENSSL_PRIVATE);

        assertThat(Ed25519Keys.publicKeyPem(pair.getPublic())).isEqualTo(OPENSSL_PUBLIC);
        assertThat(pair.getPublic().getEncoded()).isEqualTo(Ed25519Keys.fromPublicKeyPem(OPENSSL_PUBLIC).getEncoded());
    }

    @Test
    void aGeneratedKeySurvivesItsPemRoundTrip() throws Exception {
        KeyPair generated = Ed25519Keys.generate();

        KeyPair read = Ed25519Keys.fromPrivateKeyPem(Ed25519Keys.privateKeyPem(generated.getPrivate()));

        assertThat(read.getPublic().getEncoded()).isEqualTo(generated.getPublic().getEncoded());
        assertThat(read.getPrivate().getEncoded()).isEqualTo(generated.getPrivate().getEncoded());
    }

    @Test
    void somethingElseIsNotAKey() {
        assertThatThrownBy(() -> Ed25519Keys.fromPrivateKeyPem("not a key")).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> Ed25519Keys.fromPrivateKeyPem(OPENSSL_PUBLIC)).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> Ed25519Keys.fromPublicKeyPem(OPENSSL_PRIVATE)).isInstanceOf(InvalidKeyException.class);
    }
}
