package org.sanyi.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The township centre's PACS for the demo: a real Orthanc with its DICOMweb plugin (Debian packages orthanc and
 * orthanc-dicomweb) on a free loopback port, with a fresh storage folder, when Orthanc is installed.
 */
final class DemoPacs implements AutoCloseable {

    private static final List<String> BINARIES = List.of("/usr/sbin/Orthanc", "/usr/bin/Orthanc");
    private static final List<String> PLUGINS = List.of(
            "/usr/share/orthanc/plugins/libOrthancDicomWeb.so", "/usr/lib/orthanc/plugins/libOrthancDicomWeb.so");

    private final Process process;
    private final Path folder;
    private final int port;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private DemoPacs(Process process, Path folder, int port) {
        this.process = process;
        this.folder = folder;
        this.port = port;
    }

    /** An Orthanc started for the demo, or empty when Orthanc or its DICOMweb plugin is not installed. */
    static Optional<DemoPacs> startIfInstalled() throws IOException, InterruptedException {
        Optional<String> binary =
                BINARIES.stream().filter(b -> Files.isExecutable(Path.of(b))).findFirst();
        Optional<String> plugin =
                PLUGINS.stream().filter(p -> Files.exists(Path.of(p))).findFirst();
        if (binary.isEmpty() || plugin.isEmpty()) {
            return Optional.empty();
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path folder = Files.createTempDirectory("sanyi-demo-pacs");
        Path config = folder.resolve("orthanc.json");
        Files.writeString(
                config,
                """
                {"Name": "NDXP-THC01 PACS", "HttpPort": %d, "DicomServerEnabled": false, "RemoteAccessAllowed": false,
                 "AuthenticationEnabled": false, "DefaultEncoding": "Utf8", "StorageDirectory": "%s",
                 "IndexDirectory": "%s", "Plugins": ["%s"], "DicomWeb": {"Enable": true, "Root": "/dicom-web/"}}
                """
                        .formatted(port, folder.resolve("db"), folder.resolve("db"), plugin.get()));
        Process process = new ProcessBuilder(binary.get(), config.toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("orthanc.log").toFile())
                .start();
        DemoPacs pacs = new DemoPacs(process, folder, port);
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                if (pacs.send("GET", "/system", null).statusCode() == 200) {
                    return Optional.of(pacs);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        pacs.close();
        return Optional.empty();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    String dicomWeb() {
        return url() + "/dicom-web";
    }

    /** A request to Orthanc's own REST API (for example /tools/create-dicom) or its DICOMweb API. */
    HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : url() + path))
                .timeout(Duration.ofSeconds(20));
        request.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
