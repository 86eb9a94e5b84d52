package org.sanyi.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Whether something listens on a local port. */
public final class Ports {

    private Ports() {}

    public static boolean isListening(int port) {
        for (String host : new String[] {"127.0.0.1", "::1"}) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 300);
                return true;
            } catch (IOException e) {
                // try the next address
            }
        }
        return false;
    }
}
