package dev.generators.loop;

import dev.generators.Coroutine;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

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
 * <p>A host name is resolved on the calling thread, as {@link InetSocketAddress} does; give an
 * address, or resolve it with {@code Async.toThread}, where a lookup could block. Call these on the
 * loop's thread.
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
        return openConnection(new InetSocketAddress(host, port), StreamReader.DEFAULT_LIMIT);
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
        EventLoop loop = EventLoop.current();
        SocketChannel channel;
        try {
            channel = SocketChannel.open();
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        loop.registration(channel).ownedByLoop = true;
        Opening opening = new Opening(loop, channel, limit, Sockets.connect(channel, address));
        return opening;
    }

    /** {@link #startServer(ConnectionHandler, SocketAddress, int)} on {@code host} and {@code port} (0 for any free one). */
    public static CompletableFuture<StreamServer> startServer(ConnectionHandler handler, String host, int port) {
        return startServer(handler, new InetSocketAddress(host, port), StreamReader.DEFAULT_LIMIT);
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

    /** What {@link #openConnection} returns: the connect, then the stream ends over the socket. */
    private static final class Opening extends Handout<Connection> {
        private final SocketChannel channel;
        private final CompletableFuture<Void> connecting;

        Opening(EventLoop loop, SocketChannel channel, int limit, CompletableFuture<Void> connecting) {
            super(null);
            this.channel = channel;
            this.connecting = connecting;
            connecting.whenComplete((connected, failure) -> {
                if (isDone()) {
                    return;
                }
                if (failure != null) {
                    close(channel);
                    completeExceptionally(Waiter.unwrap(failure));
                } else {
                    StreamTransport transport = new StreamTransport(loop, channel, limit, null);
                    hand(new Connection(transport.reader, transport.writer));
                }
            });
        }

        @Override
        void leave() {
            connecting.cancel(false);
            close(channel);
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
