package dev.generators.loop;

import dev.generators.Coroutine;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Stream connections on the loop's selector: asyncio's {@code open_connection} and
 * {@code start_server}, whose readers and writers are {@link StreamReader} and
 * {@link StreamWriter}.
 *
 * <pre>{@code
 * Connection c = Yield.value(Streams.openConnection("127.0.0.1", 8888));   // reader, writer = await asyncio.open_connection(...)
 * StreamServer server = Yield.value(Streams.startServer(Echo::handle, "127.0.0.1", 8888));
 * }</pre>
 *
 * <p>A host name is looked up on a thread of the loop's pool for blocking calls (the one of
 * {@link Async#toThread}), as asyncio runs {@code getaddrinfo} in its default executor, so that a
 * slow name server never holds up the loop; a literal address ({@code 127.0.0.1}, {@code ::1}) is
 * used at once, with no lookup and no other thread. Call these on the loop's thread.
 */
public final class Streams {

    private Streams() {}

    /** What {@link #startServer} runs, as a task, for each connection: asyncio's {@code client_connected_cb}. */
    @FunctionalInterface
    public interface ConnectionHandler {
        /** The coroutine that serves one connection: a {@code @Generator} method, say. */
        Coroutine<?, ?, ?> handle(StreamReader reader, StreamWriter writer);
    }

    /** {@link #openConnection(SocketAddress, int)} of {@code host} and {@code port}, with the default limit. */
    public static CompletableFuture<Connection> openConnection(String host, int port) {
        EventLoop loop = EventLoop.current();
        return new Opening(loop, resolve(loop, host, port), StreamReader.DEFAULT_LIMIT);
    }

    /**
     * A stage that completes with the reader and writer of a new connection to {@code address}:
     * asyncio's {@code open_connection(host, port, limit=limit)}. It fails with the connect's
     * {@link IOException} (refused, say). Cancelled before it completes, it closes the socket; after
     * it completed but before its task resumed, it closes the connection.
     *
     * @param limit the most a line may hold for the reader
     */
    public static CompletableFuture<Connection> openConnection(SocketAddress address, int limit) {
        Objects.requireNonNull(address, "address");
        return new Opening(EventLoop.current(), CompletableFuture.completedFuture(address), limit);
    }

    /** {@link #startServer(ConnectionHandler, SocketAddress, int)} on {@code host} and {@code port} (0 for any free one). */
    public static CompletableFuture<StreamServer> startServer(ConnectionHandler handler, String host, int port) {
        EventLoop loop = EventLoop.current();
        CompletableFuture<InetSocketAddress> address = resolve(loop, host, port);
        if (address.isDone()) {
            return startServer(handler, address.join(), StreamReader.DEFAULT_LIMIT);
        }
        CompletableFuture<StreamServer> starting = new CompletableFuture<>();
        address.whenCompleteAsync(
                (resolved, failure) -> {
                    if (starting.isDone()) {
                        return; // cancelled while the name was looked up
                    }
                    if (failure != null) {
                        starting.completeExceptionally(Waiter.unwrap(failure));
                        return;
                    }
                    startServer(handler, resolved, StreamReader.DEFAULT_LIMIT).whenComplete((server, failed) -> {
                        if (failed != null) {
                            starting.completeExceptionally(failed);
                        } else if (!starting.complete(server)) {
                            server.close();
                        }
                    });
                },
                loop);
        return starting;
    }

    /**
     * {@code host} and {@code port} as an address: at once for a literal address, which needs no
     * lookup; otherwise looked up on the loop's pool for blocking calls, failing with
     * {@link UnknownHostException} if the name is unknown.
     */
    static CompletableFuture<InetSocketAddress> resolve(EventLoop loop, String host, int port) {
        Objects.requireNonNull(host, "host");
        if (isLiteralAddress(host)) {
            return CompletableFuture.completedFuture(new InetSocketAddress(host, port));
        }
        return CompletableFuture.supplyAsync(
                () -> {
                    InetSocketAddress address = new InetSocketAddress(host, port);
                    if (address.isUnresolved()) {
                        throw new CompletionException(new UnknownHostException(host));
                    }
                    return address;
                },
                loop.blockingPool());
    }

    /** An IPv4 address in dotted digits, or an IPv6 one (it has a colon): parsed, never looked up. */
    static boolean isLiteralAddress(String host) {
        if (host.indexOf(':') >= 0) {
            return true;
        }
        int dots = 0;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return dots == 3;
    }

    /**
     * A stage that completes with a server listening on {@code address}, which runs
     * {@code handler} as a task for each connection it accepts: asyncio's
     * {@code start_server(client_connected_cb, host, port, limit=limit)}. It fails with the bind's
     * {@link IOException} (the address in use, say). A handler that fails or is cancelled has its
     * connection closed (its exception goes to the loop's exception handler); one that returns
     * leaves it as it is, as asyncio does.
     */
    public static CompletableFuture<StreamServer> startServer(
            ConnectionHandler handler, SocketAddress address, int limit) {
        Objects.requireNonNull(handler, "handler");
        EventLoop loop = EventLoop.current();
        ServerSocketChannel channel = null;
        try {
            channel = ServerSocketChannel.open();
            channel.bind(address, 1024);
            return CompletableFuture.completedFuture(new StreamServer(loop, channel, handler, limit));
        } catch (IOException e) {
            return Streams.failedClosing(channel, e);
        }
    }

    /** A stage failed with {@code failure}, once {@code channel} (if it was opened) is closed. */
    static <T> CompletableFuture<T> failedClosing(java.nio.channels.Channel channel, IOException failure) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                failure.addSuppressed(suppressed);
            }
        }
        return CompletableFuture.failedFuture(failure);
    }

    /**
     * What {@link #openConnection} returns: the lookup of the address (done already for an
     * address given), the connect, then the stream ends over the socket.
     */
    private static final class Opening extends Handout<Connection> {
        private final EventLoop loop;
        private final int limit;
        /** The lookup, then the connect: what a cancel before the end cancels. */
        private CompletableFuture<?> pending;
        /** Null until the address is known. */
        private SocketChannel channel;

        Opening(EventLoop loop, CompletableFuture<? extends SocketAddress> address, int limit) {
            super(null);
            this.loop = loop;
            this.limit = limit;
            this.pending = address;
            if (address.isDone()) {
                connect(address.getNow(null));
            } else {
                address.whenCompleteAsync(
                        (resolved, failure) -> {
                            if (isDone()) {
                                return;
                            }
                            if (failure != null) {
                                completeExceptionally(Waiter.unwrap(failure));
                            } else {
                                connect(resolved);
                            }
                        },
                        loop);
            }
        }

        /** On the loop's thread. */
        private void connect(SocketAddress address) {
            try {
                channel = SocketChannel.open();
            } catch (IOException e) {
                completeExceptionally(e);
                return;
            }
            loop.registration(channel).ownedByLoop = true;
            CompletableFuture<Void> connecting = Sockets.connect(channel, address);
            pending = connecting;
            connecting.whenComplete((connected, failure) -> {
                if (isDone()) {
                    return;
                }
                if (failure != null) {
                    close(channel);
                    completeExceptionally(Waiter.unwrap(failure));
                } else {
                    StreamTransport transport = new StreamTransport(loop, channel, limit, null);
                    hand(new Connection(transport, transport));
                }
            });
        }

        @Override
        void leave() {
            pending.cancel(false);
            if (channel != null) {
                close(channel);
            }
        }

        @Override
        void giveBack(Connection connection) {
            connection.writer().abort();
        }

        private static void close(SocketChannel channel) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Never connected: nothing to tell.
            }
        }
    }
}
