package io.incidenttimeline.projections.audit.checkpoint;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Ed25519 keys as PEM, with the JDK's own provider only: private keys as PKCS#8 ("BEGIN PRIVATE KEY", what
 * {@code openssl genpkey -algorithm ed25519} writes), public keys as X.509 SubjectPublicKeyInfo ("BEGIN PUBLIC KEY").
 * Spring-free: the offline verifier reads public keys with it.
 */
public final class Ed25519Keys {

    private static final String ALGORITHM = "Ed25519";
    private static final String PRIVATE = "PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";

    private Ed25519Keys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK provides Ed25519", e);
        }
    }

    /** Reads a PKCS#8 private key and derives its public key, which PKCS#8 v1 files do not carry. */
    public static KeyPair fromPrivateKeyPem(String pem) throws InvalidKeyException {
        PrivateKey privateKey;
        try {
            privateKey = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(decode(pem, PRIVATE)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidKeyException("not an Ed25519 private key in PKCS#8 PEM (BEGIN PRIVATE KEY): " + e.getMessage());
        }
        if (!(privateKey instanceof EdECPrivateKey edPrivate) || edPrivate.getBytes().isEmpty()) {
            throw new InvalidKeyException("not an Ed25519 private key");
        }
        KeyPair pair = derive(edPrivate.getBytes().get());
        if (!Arrays.equals(pair.getPrivate().getEncoded(), privateKey.getEncoded()) || !signsFor(pair)) {
            throw new InvalidKeyException("the public key derived from this private key does not verify its signatures");
        }
        return pair;
    }

    public static PublicKey fromPublicKeyPem(String pem) throws InvalidKeyException {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(decode(pem, PUBLIC)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidKeyException("not an Ed25519 public key in PEM (BEGIN PUBLIC KEY): " + e.getMessage());
        }
    }

    public static String privateKeyPem(PrivateKey key) {
        return encode(key.getEncoded(), PRIVATE);
    }

    public static String publicKeyPem(PublicKey key) {
        return encode(key.getEncoded(), PUBLIC);
    }

    /**
     * An Ed25519 public key is a function of the 32-byte private seed. The JDK offers no call for it, but its key
     * pair generator draws exactly that seed from the random source it is given and derives the public key from it.
     */
    private static KeyPair derive(byte[] seed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new SeedSource(seed));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK provides Ed25519", e);
        }
    }

    private static boolean signsFor(KeyPair pair) {
        try {
            byte[] probe = "incident-timeline key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(pair.getPrivate());
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(pair.getPublic());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] decode(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no " + begin + " ... " + end + " block");
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }

    private static String encode(byte[] der, String label) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /** Hands the key pair generator the seed instead of random bytes. */
    private static final class SeedSource extends SecureRandom {

        private final byte[] seed;

        private SeedSource(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("expected a request for " + seed.length + " seed bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
