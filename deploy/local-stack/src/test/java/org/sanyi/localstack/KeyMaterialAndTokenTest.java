package org.sanyi.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanyi.tokens.SigningKeys;
import org.sanyi.tokens.TokenRequest;
import org.sanyi.tokens.TokenSigner;

class KeyMaterialAndTokenTest {

    @TempDir
    Path home;

    private Path keys() {
        return home.resolve("keys");
    }

    @Test
    void generatesKeysOnceAndKeepsThem() throws Exception {
        KeyMaterial first = KeyMaterial.ensure(keys());
        String publicPem = Files.readString(keys().resolve(KeyMaterial.PUBLIC_KEY_FILE));

        KeyMaterial second = KeyMaterial.ensure(keys());

        assertThat(first.generated()).isTrue();
        assertThat(second.generated()).isFalse();
        assertThat(second.notes()).isEmpty();
        assertThat(second.privateKey().getEncoded())
                .isEqualTo(first.privateKey().getEncoded());
        assertThat(Files.readString(keys().resolve(KeyMaterial.PUBLIC_KEY_FILE)))
                .isEqualTo(publicPem);
        assertThat(Base64.getDecoder().decode(second.pseudonymKeyBase64())).hasSize(32);
        assertThat(permissions(keys())).isEqualTo("rwx------");
        assertThat(permissions(keys().resolve(KeyMaterial.PRIVATE_KEY_FILE))).isEqualTo("rw-------");
        assertThat(permissions(keys().resolve(KeyMaterial.PSEUDONYM_KEY_FILE))).isEqualTo("rw-------");
    }

    @Test
    void aLostPublicKeyIsDerivedAgainFromThePrivateKey() throws Exception {
        KeyMaterial.ensure(keys());
        String publicPem = Files.readString(keys().resolve(KeyMaterial.PUBLIC_KEY_FILE));
        Files.delete(keys().resolve(KeyMaterial.PUBLIC_KEY_FILE));

        KeyMaterial.ensure(keys());

        assertThat(Files.readString(keys().resolve(KeyMaterial.PUBLIC_KEY_FILE)))
                .isEqualTo(publicPem);
    }

    @Test
    void anExistingLooseKeyFolderAndKeyFilesAreTightenedAndReported() throws Exception {
        KeyMaterial.ensure(keys());
        Files.setPosixFilePermissions(keys(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(
                keys().resolve(KeyMaterial.PRIVATE_KEY_FILE), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(
                keys().resolve(KeyMaterial.PSEUDONYM_KEY_FILE), PosixFilePermissions.fromString("rw-rw-rw-"));

        KeyMaterial again = KeyMaterial.ensure(keys());

        assertThat(permissions(keys())).isEqualTo("rwx------");
        assertThat(permissions(keys().resolve(KeyMaterial.PRIVATE_KEY_FILE))).isEqualTo("rw-------");
        assertThat(permissions(keys().resolve(KeyMaterial.PSEUDONYM_KEY_FILE))).isEqualTo("rw-------");
        assertThat(again.notes())
                .hasSize(3)
                .anyMatch(note -> note.contains(keys() + " from rwxr-xr-x"))
                .anyMatch(note -> note.contains(KeyMaterial.PRIVATE_KEY_FILE + " from rw-r--r--"))
                .anyMatch(note -> note.contains(KeyMaterial.PSEUDONYM_KEY_FILE + " from rw-rw-rw-"));
    }

    @Test
    void concurrentFirstRunsAgreeOnOneKeyAndLeaveNoTemporaryFiles() throws Exception {
        int runs = 6;
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        try {
            List<Callable<KeyMaterial>> tasks = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                tasks.add(() -> KeyMaterial.ensure(keys()));
            }
            List<KeyMaterial> results = new ArrayList<>();
            for (Future<KeyMaterial> result : pool.invokeAll(tasks)) {
                results.add(result.get());
            }

            String onDisk = Files.readString(keys().resolve(KeyMaterial.PRIVATE_KEY_FILE), StandardCharsets.US_ASCII);
            for (KeyMaterial result : results) {
                assertThat(result.privateKey().getEncoded())
                        .isEqualTo(SigningKeys.readPrivateKeyPem(onDisk).getEncoded());
                assertThat(result.pseudonymKeyBase64()).isEqualTo(results.get(0).pseudonymKeyBase64());
            }
            assertThat(SigningKeys.readPublicKeyPem(Files.readString(keys().resolve(KeyMaterial.PUBLIC_KEY_FILE)))
                            .getEncoded())
                    .isEqualTo(
                            SigningKeys.publicKeyOf(results.get(0).privateKey()).getEncoded());
            try (Stream<Path> files = Files.list(keys())) {
                assertThat(files.map(file -> file.getFileName().toString()))
                        .containsExactlyInAnyOrder(
                                KeyMaterial.PRIVATE_KEY_FILE,
                                KeyMaterial.PUBLIC_KEY_FILE,
                                KeyMaterial.PSEUDONYM_KEY_FILE);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theLauncherSignsTokensThatVerifyWithThePublicKeyFileItGivesTheServices() throws Exception {
        KeyMaterial material = KeyMaterial.ensure(keys());

        String token = new TokenSigner(material.privateKey())
                .signValid(TokenRequest.of("ND-HC01", "regulator", "alice", List.of("referral-service")));

        JwtClaims claims = new JwtConsumerBuilder()
                .setExpectedIssuer("sanyi-exchange")
                .setExpectedAudience("referral-service")
                .setRequireExpirationTime()
                .setVerificationKey(SigningKeys.readPublicKeyPem(
                        Files.readString(material.publicKeyFile(), StandardCharsets.US_ASCII)))
                .build()
                .processToClaims(token);
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getStringClaimValue("org")).isEqualTo("ND-HC01");
    }

    @Test
    void aCorruptPseudonymKeyIsReportedNotUsed() throws Exception {
        KeyMaterial.ensure(keys());
        Files.writeString(keys().resolve(KeyMaterial.PSEUDONYM_KEY_FILE), "c2hvcnQ=\n");

        assertThatThrownBy(() -> KeyMaterial.ensure(keys())).hasMessageContaining("base64 of 32 bytes");
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
