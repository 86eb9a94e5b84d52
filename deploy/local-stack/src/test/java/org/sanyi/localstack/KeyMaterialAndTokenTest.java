package org.sanyi.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyMaterialAndTokenTest {

    @TempDir
    Path keys;

    @Test
    void generatesKeysOnceAndKeepsThem() throws Exception {
        KeyMaterial first = KeyMaterial.ensure(keys);
        String publicPem = Files.readString(keys.resolve(KeyMaterial.PUBLIC_KEY_FILE));

        KeyMaterial second = KeyMaterial.ensure(keys);

        assertThat(first.generated()).isTrue();
        assertThat(second.generated()).isFalse();
        assertThat(second.privateKey().getEncoded())
                .isEqualTo(first.privateKey().getEncoded());
        assertThat(Files.readString(keys.resolve(KeyMaterial.PUBLIC_KEY_FILE))).isEqualTo(publicPem);
        assertThat(Base64.getDecoder().decode(second.pseudonymKeyBase64())).hasSize(32);
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(keys.resolve(KeyMaterial.PRIVATE_KEY_FILE))))
                .isEqualTo("rw-------");
    }

    @Test
    void aLostPublicKeyIsDerivedAgainFromThePrivateKey() throws Exception {
        KeyMaterial.ensure(keys);
        String publicPem = Files.readString(keys.resolve(KeyMaterial.PUBLIC_KEY_FILE));
        Files.delete(keys.resolve(KeyMaterial.PUBLIC_KEY_FILE));

        KeyMaterial.ensure(keys);

        assertThat(Files.readString(keys.resolve(KeyMaterial.PUBLIC_KEY_FILE))).isEqualTo(publicPem);
    }

    @Test
    void tokensCarryTheExpectedClaimsAndVerifyWithThePublicKeyFile() throws Exception {
        KeyMaterial material = KeyMaterial.ensure(keys);

        String token =
                new TokenMinter(material.privateKey()).mint("HOSP-001", "regulator", "alice", Duration.ofMinutes(5));

        JwtClaims claims = new JwtConsumerBuilder()
                .setExpectedIssuer("sanyi-exchange")
                .setRequireExpirationTime()
                .setVerificationKey(publicKey(material.publicKeyFile()))
                .build()
                .processToClaims(token);
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getStringClaimValue("org")).isEqualTo("HOSP-001");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("regulator");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue())
                .isEqualTo(300);
    }

    @Test
    void unknownRolesAreRefused() throws Exception {
        TokenMinter minter = new TokenMinter(KeyMaterial.ensure(keys).privateKey());

        assertThatThrownBy(() -> minter.mint("X", "nurse", "s", Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TokenMinter.ROLES).containsExactly("hospital", "insurer", "regulator", "platform-admin");
    }

    private static PublicKey publicKey(Path pem) throws Exception {
        byte[] der = KeyMaterial.pemBody(Files.readString(pem, StandardCharsets.US_ASCII), "PUBLIC KEY");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }
}
