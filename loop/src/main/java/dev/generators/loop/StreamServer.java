package dev.generators.loop;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;

/**
 * A listening socket whose connections each run a handler as a task: asyncio's {@code Server},
 * made by {@link Streams#startServer}. It accepts from the moment it is made.
 *
 * <pre>{@code
 * StreamServer server = Yield.value(Streams.startServer(Echo::handle, "127.0.0.1", 8888));
 * Yield.value(server.serveForever());    // async with server: await server.serve_forever()
 * }</pre>
 *
 * <p>{@link #close()} stops listening and leaves the connections open; {@link #waitClosed()}
 * completes once it is closed and they all are; {@link #closeClients()} closes them. Use it on the
 * loop's thread.
 */
public final class StreamServer implements AutoCloseable {
    private final EventLoop loop;
    private final ServerSocketChannel channel;
    private final Streams.ConnectionHandler handler;
    private final int limit;
    private final InetSocketAddress address;
    /** The connections open, linked through {@link StreamTransport#next}, newest first. */
    private StreamTransport first;

    private int connections;
    private final CompletableFuture<Void> allClosed = new CompletableFuture<>();
    private Forever serving;
    private boolean closed;

    StreamServer(EventLoop loop, ServerSocketChannel channel, Streams.ConnectionHandler handler, int limit)
            throws IOException {
        this.loop = loop;
        this.channel = channel;
        this.handler = handler;
        this.limit = limit;
        this.address = (InetSocketAddress) channel.getLocalAddress();
        Registration registration = loop.registration(channel);
        registration.ownedByLoop = true;
        registration.setReader(this::acceptNow);
    }

    /** Accepts what is waiting, up to a backlog's worth per turn, as asyncio does. */
    private void acceptNow() {
        for (int i = 0; i < 100 && !closed; i++) {
            SocketChannel accepted;
            try {
                accepted = channel.accept();
                if (accepted == null) {
                    return;
                }
                accepted.configureBlocking(false);
            } catch (IOException e) {
                loop.report("accepting a connection on " + this, e);
                return;
            }
            StreamTransport transport = new StreamTransport(loop, accepted, limit, this);
            transport.next = first;
            if (first != null) {
                first.previous = transport;
            }
            first = transport;
            connections++;
            loop.run(handler.handle(transport, transport)).serves(transport);
        }
    }

    /** Where it listens: the port chosen, if it was given 0. */
    public InetSocketAddress address() {
        return address;
    }

    /** Whether it is accepting connections: asyncio's {@code is_serving()}. */
    public boolean isServing() {
        return !closed;
    }

    /**
     * Stops listening: asyncio's {@code close()}. The connections accepted stay open, their
     * handlers running. A try-with-resources over the server is asyncio's {@code async with server:}.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            loop.report("closing " + this, e);
        }
        // A channel registered with a selector is really closed once the selector lets go of it.
        loop.releaseClosedChannels();
        if (serving != null) {
            serving.complete(null);
        }
        forget(null);
    }

    /** Closes every connection it accepted, as their writers' {@code close()} does: asyncio's {@code close_clients()}. */
    public void closeClients() {
        for (StreamTransport connection = first; connection != null; ) {
            StreamTransport next = connection.next;
            connection.close();
            connection = next;
        }
    }

    /** A stage that completes once it is closed and so are all its connections: asyncio's {@code wait_closed()}. */
    public CompletableFuture<Void> waitClosed() {
        return allClosed.copy();
    }

    /**
     * A stage that completes once the server is closed: asyncio's {@code serve_forever()}.
     * Cancelling it (or the task waiting on it) closes the server.
     */
    public CompletableFuture<Void> serveForever() {
        if (serving == null || serving.isDone()) {
            serving = new Forever();
            if (closed) {
                serving.complete(null);
            }
        }
        return serving;
    }

    /** The number of connections open. */
    public int connections() {
        return connections;
    }

    @Override
    public String toString() {
        return "StreamServer on " + address + (closed ? " (closed)" : "") + ", " + connections + " connections";
    }

    /** A connection closed (or, with null, the server did): once all are, {@link #waitClosed()} completes. */
    void forget(StreamTransport transport) {
        if (transport != null) {
            if (transport.previous != null) {
                transport.previous.next = transport.next;
            } else {
                first = transport.next;
            }
            if (transport.next != null) {
                transport.next.previous = transport.previous;
            }
            transport.previous = null;
            transport.next = null;
            connections--;
        }
        if (closed && connections == 0) {
            allClosed.complete(null);
        }
    }

    private final class Forever extends CompletableFuture<Void> {
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (cancelled) {
                close();
            }
            return cancelled;
        }
    }
}
