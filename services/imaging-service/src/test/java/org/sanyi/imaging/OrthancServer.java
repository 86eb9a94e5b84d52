package org.sanyi.imaging;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real Orthanc (Debian packages {@code orthanc} and {@code orthanc-dicomweb}) on a free loopback port with its
 * DICOMweb plugin and a fresh storage folder, for one test class. Without the packages the test is skipped with a
 * message; {@code .ci/run} installs them where it runs as root with apt.
 */
final class OrthancServer implements AutoCloseable {

    private static final List<String> BINARIES = List.of("/usr/sbin/Orthanc", "/usr/bin/Orthanc");
    private static final List<String> PLUGINS = List.of(
            "/usr/share/orthanc/plugins/libOrthancDicomWeb.so", "/usr/lib/orthanc/plugins/libOrthancDicomWeb.so");

    private final Process process;
    private final Path folder;
    private final int port;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private OrthancServer(Process process, Path folder, int port) {
        this.process = process;
        this.folder = folder;
        this.port = port;
    }

    static OrthancServer startOrSkip() throws Exception {
        Optional<String> binary =
                BINARIES.stream().filter(b -> Files.isExecutable(Path.of(b))).findFirst();
        Optional<String> plugin =
                PLUGINS.stream().filter(p -> Files.exists(Path.of(p))).findFirst();
        assumeTrue(
                binary.isPresent() && plugin.isPresent(),
                "Skipped: Orthanc with its DICOMweb plugin is not installed. Install the Debian packages orthanc and"
                        + " orthanc-dicomweb (apt-get install orthanc orthanc-dicomweb; .ci/run does so as root) to"
                        + " test the source connector and QIDO-RS answers against a real PACS.");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path folder = Files.createTempDirectory("sanyi-orthanc");
        Path config = folder.resolve("orthanc.json");
        Files.writeString(
                config,
                """
                {"Name": "sanyi-test", "HttpPort": %d, "DicomServerEnabled": false, "RemoteAccessAllowed": false,
                 "AuthenticationEnabled": false, "DefaultEncoding": "Utf8", "StorageDirectory": "%s", "IndexDirectory": "%s",
                 "Plugins": ["%s"], "DicomWeb": {"Enable": true, "Root": "/dicom-web/"}}
                """
                        .formatted(port, folder.resolve("db"), folder.resolve("db"), plugin.get()));
        Process process = new ProcessBuilder(binary.get(), config.toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("orthanc.log").toFile())
                .start();
        OrthancServer server = new OrthancServer(process, folder, port);
        server.awaitUp();
        return server;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The DICOMweb root, as a PACS's 前置机 would be configured. */
    String dicomWeb() {
        return url() + "/dicom-web";
    }

    void store(byte[] part10) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url() + "/instances"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(part10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "Orthanc refused the file: " + response.statusCode() + " " + response.body());
        }
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url() + path))
                        .header("Accept", "application/dicom+json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url() + path))
                        .method(method, HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void awaitUp() throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Orthanc stopped: " + Files.readString(folder.resolve("orthanc.log")));
            }
            try {
                if (get("/system").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Orthanc did not answer within 30 s");
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
