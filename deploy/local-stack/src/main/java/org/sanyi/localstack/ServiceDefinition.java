package org.sanyi.localstack;

/**
 * One service of the local stack, as listed in {@code services.list}.
 *
 * @param needsPseudonymKey whether the service gets {@code SANYI_PSEUDONYM_KEY}
 */
public record ServiceDefinition(String name, int port, String database, boolean needsPseudonymKey) {

    /** The services listen on the loopback address only. */
    public static final String HOST = "127.0.0.1";

    public String baseUrl() {
        return "http://" + HOST + ":" + port;
    }
}
