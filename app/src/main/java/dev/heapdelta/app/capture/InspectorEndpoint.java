package dev.heapdelta.app.capture;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * A Node inspector's HTTP/WebSocket endpoint, {@code HOST:PORT}. The inspector gives full control of
 * the process, so only loopback hosts are accepted unless remote hosts were explicitly allowed.
 */
public record InspectorEndpoint(String host, int port, boolean allowRemote) {
    public static final String DEFAULT = "127.0.0.1:9229";
    public static final int DEFAULT_PORT = 9229;

    public InspectorEndpoint {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("inspector port " + port + " is not a TCP port");
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("inspector host is empty");
        }
    }

    /** Parses {@code HOST:PORT}, {@code HOST}, {@code PORT} or {@code [IPV6]:PORT}. */
    public static InspectorEndpoint parse(String text, boolean allowRemote) {
        String value = text.trim();
        if (value.matches("\\d+")) {
            return new InspectorEndpoint("127.0.0.1", Integer.parseInt(value), allowRemote);
        }
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + text + "' is not HOST:PORT");
            }
            String host = value.substring(1, close);
            String rest = value.substring(close + 1);
            return new InspectorEndpoint(host, rest.isEmpty() ? DEFAULT_PORT : port(rest.substring(1), text),
                    allowRemote);
        }
        int colon = value.lastIndexOf(':');
        if (colon < 0) {
            return new InspectorEndpoint(value, DEFAULT_PORT, allowRemote);
        }
        if (value.indexOf(':') != colon) {
            return new InspectorEndpoint(value, DEFAULT_PORT, allowRemote);
        }
        String host = colon == 0 ? "127.0.0.1" : value.substring(0, colon);
        return new InspectorEndpoint(host, port(value.substring(colon + 1), text), allowRemote);
    }

    private static int port(String digits, String text) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not HOST:PORT", e);
        }
    }

    /** Refuses a host that is not loopback, unless remote hosts are allowed. */
    public void requireAllowed() throws CaptureException {
        if (allowRemote) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new CaptureException("inspector host " + host + " is unknown", e);
        }
        for (InetAddress address : addresses) {
            if (!address.isLoopbackAddress()) {
                throw new CaptureException("refusing to connect to the inspector at " + this + ": " + host
                        + " is not a loopback address. The inspector gives full control of the process and its"
                        + " protocol has no authentication; prefer an SSH tunnel or `kubectl port-forward` to"
                        + " 127.0.0.1, or add --allow-remote if you accept the risk");
            }
        }
    }

    public URI httpUri(String path) {
        return URI.create("http://" + hostForUri() + ":" + port + path);
    }

    public URI webSocketUri(String path) {
        return URI.create("ws://" + hostForUri() + ":" + port + path);
    }

    private String hostForUri() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    @Override
    public String toString() {
        return hostForUri() + ":" + port;
    }
}
