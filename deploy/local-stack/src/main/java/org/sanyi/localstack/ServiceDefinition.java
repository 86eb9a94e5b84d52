package org.sanyi.localstack;

/** One service of the local stack, as listed in {@code services.list}. */
public record ServiceDefinition(String name, int port, String database) {

    public String baseUrl() {
        return "http://localhost:" + port;
    }
}
