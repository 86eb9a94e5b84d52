package org.sanyi.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeysTest {

    @Test
    void pemRoundTripsBothHalvesOfTheSigningKey() throws Exception {
        KeyPair pair = SigningKeys.generate();

        String privatePem = SigningKeys.privateKeyPem(pair.getPrivate());
        String publicPem = SigningKeys.publicKeyPem(pair.getPublic());

        assertThat(privatePem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(publicPem).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(SigningKeys.readPrivateKeyPem(privatePem).getEncoded())
                .isEqualTo(pair.getPrivate().getEncoded());
        assertThat(SigningKeys.readPublicKeyPem(publicPem).getEncoded())
                .isEqualTo(pair.getPublic().getEncoded());
        assertThat(SigningKeys.publicKeyOf(pair.getPrivate()).getEncoded())
                .isEqualTo(pair.getPublic().getEncoded());
    }

    @Test
    void aPemOfTheWrongTypeIsRefused() {
        String publicPem = SigningKeys.publicKeyPem(SigningKeys.generate().getPublic());

        assertThatThrownBy(() -> SigningKeys.readPrivateKeyPem(publicPem))
                .isInstanceOf(GeneralSecurityException.class)
                .hasMessageContaining("PRIVATE KEY");
    }

    @Test
    void pseudonymKeysAreFreshThirtyTwoRandomBytes() {
        String first = PseudonymKeys.generateBase64();
        String second = PseudonymKeys.generateBase64();

        assertThat(Base64.getDecoder().decode(first)).hasSize(32);
        assertThat(first).isNotEqualTo(second);
        assertThat(PseudonymKeys.isValidBase64(first + "\n")).isTrue();
        assertThat(PseudonymKeys.isValidBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .isFalse();
        assertThat(PseudonymKeys.isValidBase64("not base64!")).isFalse();
        assertThat(PseudonymKeys.isValidBase64(null)).isFalse();
    }
}
