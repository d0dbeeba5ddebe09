package example.streams;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Python's {@code repr} of the few values the ported programs print, so that both print the same lines. */
final class Repr {

    private Repr() {
    }

    /** {@code 'text'}, as Python shows a str without quotes or escapes in it. */
    static String of(String text) {
        return "'" + text + "'";
    }

    /** {@code ('127.0.0.1', 8888)}, as Python shows a socket's address. */
    static String of(SocketAddress address) {
        InetSocketAddress inet = (InetSocketAddress) address;
        return "('" + inet.getAddress().getHostAddress() + "', " + inet.getPort() + ")";
    }
}
