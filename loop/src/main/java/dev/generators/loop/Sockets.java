package dev.generators.loop;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Awaitable socket operations on the loop's selector: asyncio's {@code loop.sock_accept},
 * {@code sock_connect}, {@code sock_recv_into} and {@code sock_sendall}. Each returns a stage for
 * the task to yield; the channel is made non-blocking and registered with the selector of the loop
 * running on this thread, and the operation is done when the channel is ready, on the loop's
 * thread, with no thread of its own.
 *
 * <pre>{@code
 * SocketChannel client = Yield.value(Sockets.accept(server));       // client, _ = await loop.sock_accept(server)
 * int n = Yield.value(Sockets.receive(client, buffer));            // n = await loop.sock_recv_into(client, buf)
 * buffer.flip();
 * Yield.value(Sockets.sendAll(client, buffer));                     // await loop.sock_sendall(client, data)
 * }</pre>
 *
 * <p>A cancel loses nothing: a receive or an accept cancelled while it waits has taken nothing from
 * the channel, and one cancelled after it got its bytes (or connection) but before its task resumed
 * with them gives them back, for the next receive (accept) on the channel to get first. So a
 * {@code waitFor(receive(...), timeout)} that times out leaves the socket as it was, and the next
 * receive gets every byte. One receive and one send at a time per channel.
 *
 * <p>All of them must be called on the loop's thread.
 */
public final class Sockets {

    private Sockets() {}

    /**
     * A stage that completes with the next connection {@code server} accepts, made non-blocking:
     * asyncio's {@code sock_accept}.
     */
    public static CompletableFuture<SocketChannel> accept(ServerSocketChannel server) {
        Objects.requireNonNull(server, "server");
        Accept accept = new Accept(EventLoop.current().registration(server), server);
        accept.start();
        return accept;
    }

    /**
     * A stage that completes once {@code channel} is connected to {@code address}: asyncio's
     * {@code sock_connect}. It fails with the connect's {@link IOException} (a refused connection,
     * say). A cancel stops waiting, and leaves the channel to be closed.
     */
    public static CompletableFuture<Void> connect(SocketChannel channel, SocketAddress address) {
        Objects.requireNonNull(address, "address");
        Connect connect = new Connect(EventLoop.current().registration(channel), channel);
        connect.start(address);
        return connect;
    }

    /**
     * A stage that completes with the number of bytes read into {@code buffer} (from its position,
     * at least one unless it has no room), or -1 once the peer has closed its side: asyncio's
     * {@code sock_recv_into}. It fails with the read's {@link IOException} (a connection reset).
     *
     * @throws IllegalStateException if a receive on the channel is already waiting
     */
    public static <C extends SelectableChannel & ReadableByteChannel> CompletableFuture<Integer> receive(
            C channel, ByteBuffer buffer) {
        Objects.requireNonNull(buffer, "buffer");
        Registration registration = EventLoop.current().registration(channel);
        if (registration.reader() instanceof Receive) {
            throw new IllegalStateException("a receive on " + channel + " is already waiting: receive one at a time");
        }
        Receive receive = new Receive(registration, channel, buffer);
        receive.start();
        return receive;
    }

    /**
     * A stage that completes once every byte of {@code buffer}, from its position to its limit,
     * has been written to {@code channel}: asyncio's {@code sock_sendall}. It fails with an
     * {@link IncompleteSendException} saying how many were sent; the buffer's position is after the
     * last byte sent, also when the send is cancelled.
     *
     * @throws IllegalStateException if a send on the channel is already waiting
     */
    public static <C extends SelectableChannel & WritableByteChannel> CompletableFuture<Void> sendAll(
            C channel, ByteBuffer buffer) {
        Objects.requireNonNull(buffer, "buffer");
        Registration registration = EventLoop.current().registration(channel);
        if (registration.writer() instanceof SendAll) {
            throw new IllegalStateException("a send on " + channel + " is already waiting: send one at a time");
        }
        SendAll send = new SendAll(registration, channel, buffer);
        send.start();
        return send;
    }

    /**
     * An operation that waits for the channel to be readable (or acceptable) as its reader callback,
     * and gives back what it took if it is cancelled before its task resumed with it.
     */
    private abstract static class Reading<T> extends Handout<T> implements Runnable {
        final Registration registration;

        Reading(Registration registration) {
            super(null);
            this.registration = registration;
        }

        /** Does the operation if the channel lets it: whether it is over (done, or failed). */
        abstract boolean attemptNow();

        /** Waits for the channel, unless it can be done at once. */
        final void attemptOrWait() {
            if (!attemptNow()) {
                registration.setReader(this);
            }
        }

        @Override
        public final void run() {
            if (isDone() || attemptNow()) {
                registration.lingerReader();
            }
        }

        @Override
        final void leave() {
            if (registration.reader() == this) {
                registration.lingerReader();
            }
        }
    }

    /** A receive: reads when the channel is ready; cancelled after reading, it gives the bytes back. */
    private static final class Receive extends Reading<Integer> {
        private final ReadableByteChannel channel;
        private final ByteBuffer buffer;

        Receive(Registration registration, ReadableByteChannel channel, ByteBuffer buffer) {
            super(registration);
            this.channel = channel;
            this.buffer = buffer;
        }

        void start() {
            if (registration.givenBack instanceof ByteBuffer) {
                ByteBuffer back = (ByteBuffer) registration.givenBack;
                int n = Math.min(back.remaining(), buffer.remaining());
                buffer.put(buffer.position(), back, back.position(), n).position(buffer.position() + n);
                back.position(back.position() + n);
                if (!back.hasRemaining()) {
                    registration.givenBack = null;
                }
                hand(n);
            } else if (!buffer.hasRemaining()) {
                hand(0);
            } else {
                attemptOrWait();
            }
        }

        /** Reads what the channel has: whether that was anything (or the end, or a failure). */
        @Override
        boolean attemptNow() {
            int n;
            try {
                n = channel.read(buffer);
            } catch (IOException e) {
                completeExceptionally(e);
                return true;
            }
            if (n == 0) {
                return false;
            }
            hand(n);
            return true;
        }

        @Override
        void giveBack(Integer count) {
            if (count <= 0) {
                return;
            }
            int start = buffer.position() - count;
            ByteBuffer older = (ByteBuffer) registration.givenBack;
            ByteBuffer back = ByteBuffer.allocate(count + (older == null ? 0 : older.remaining()));
            back.put(0, buffer, start, count);
            if (older != null) {
                back.put(count, older, older.position(), older.remaining());
            }
            buffer.position(start);
            registration.givenBack = back;
        }
    }

    /** An accept: accepts when the server is ready; cancelled after accepting, it gives the connection back. */
    private static final class Accept extends Reading<SocketChannel> {
        private final ServerSocketChannel server;

        Accept(Registration registration, ServerSocketChannel server) {
            super(registration);
            this.server = server;
        }

        @SuppressWarnings("unchecked")
        void start() {
            ArrayDeque<SocketChannel> back = (ArrayDeque<SocketChannel>) registration.givenBack;
            if (back != null && !back.isEmpty()) {
                hand(back.poll());
            } else {
                attemptOrWait();
            }
        }

        @Override
        boolean attemptNow() {
            try {
                SocketChannel accepted = server.accept();
                if (accepted == null) {
                    return false;
                }
                accepted.configureBlocking(false);
                hand(accepted);
            } catch (IOException e) {
                completeExceptionally(e);
            }
            return true;
        }

        @Override
        @SuppressWarnings("unchecked")
        void giveBack(SocketChannel accepted) {
            if (registration.givenBack == null) {
                registration.givenBack = new ArrayDeque<SocketChannel>(2);
            }
            ((ArrayDeque<SocketChannel>) registration.givenBack).addFirst(accepted);
        }
    }

    /** An operation that waits for the channel to be writable (or connectable) as its writer callback. */
    private abstract static class Writing extends InLine<Void> implements Runnable {
        final Registration registration;

        Writing(Registration registration) {
            super(null);
            this.registration = registration;
        }

        @Override
        final void leave() {
            if (registration.writer() == this) {
                registration.setWriter(null);
            }
        }
    }

    /** A connect: finished when the channel is ready to. */
    private static final class Connect extends Writing {
        private final SocketChannel channel;

        Connect(Registration registration, SocketChannel channel) {
            super(registration);
            this.channel = channel;
        }

        void start(SocketAddress address) {
            try {
                if (channel.connect(address)) {
                    complete(null);
                } else {
                    registration.setWriter(this);
                }
            } catch (IOException e) {
                completeExceptionally(e);
            }
        }

        @Override
        public void run() {
            try {
                if (!isDone() && !channel.finishConnect()) {
                    return;
                }
                registration.setWriter(null);
                complete(null);
            } catch (IOException e) {
                registration.setWriter(null);
                completeExceptionally(e);
            }
        }
    }

    /** A send of a whole buffer: writes what the channel takes, then waits until it takes more. */
    private static final class SendAll extends Writing {
        private final WritableByteChannel channel;
        private final ByteBuffer buffer;
        private final int total;

        SendAll(Registration registration, WritableByteChannel channel, ByteBuffer buffer) {
            super(registration);
            this.channel = channel;
            this.buffer = buffer;
            this.total = buffer.remaining();
        }

        void start() {
            if (!writeNow()) {
                registration.setWriter(this);
            }
        }

        /** Writes what the channel takes: whether the send is over (all written, or failed). */
        private boolean writeNow() {
            try {
                while (buffer.hasRemaining()) {
                    if (channel.write(buffer) == 0) {
                        return false;
                    }
                }
                complete(null);
            } catch (IOException e) {
                int unsent = buffer.remaining();
                completeExceptionally(new IncompleteSendException("sendAll", total - unsent, unsent, e));
            }
            return true;
        }

        @Override
        public void run() {
            if (isDone() || writeNow()) {
                registration.setWriter(null);
            }
        }
    }
}
