package dev.generators.loop;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A UDP socket on the loop's selector: asyncio's {@code create_datagram_endpoint}, with an
 * awaitable {@link #receive()} in place of a protocol's {@code datagram_received} callback (as
 * {@code loop.sock_recvfrom} is awaited).
 *
 * <pre>{@code
 * DatagramEndpoint endpoint = Yield.value(DatagramEndpoint.open(new InetSocketAddress("127.0.0.1", 9999), null));
 * Datagram datagram = Yield.value(endpoint.receive());
 * endpoint.send(datagram.data(), datagram.sender());      // transport.sendto(data, addr)
 * }</pre>
 *
 * <p>A receive cancelled after it got its datagram but before its task resumed puts it back in
 * front, for the next receive. A send the socket cannot take at once is queued and sent when it
 * can, in order. Use it on the loop's thread.
 */
public final class DatagramEndpoint implements AutoCloseable {
    private final DatagramChannel channel;
    private final Registration registration;
    private final EventLoop loop;
    /** Datagrams given back by cancelled receives, for the next ones. */
    private final ArrayDeque<Datagram> givenBack = new ArrayDeque<>(0);
    /** Sends the socket did not take yet, with their addresses; null when none wait. */
    private ArrayDeque<Object[]> sends;

    private Receive waiting;

    private DatagramEndpoint(EventLoop loop, DatagramChannel channel) {
        this.loop = loop;
        this.channel = channel;
        this.registration = loop.registration(channel);
        registration.ownedByLoop = true;
    }

    /**
     * A stage that completes with an endpoint bound to {@code local} (null for any port), and, if
     * {@code remote} is not null, connected to it, so that it receives only from there and
     * {@link #send(byte[])} sends there. It fails with the bind's {@link IOException}.
     */
    public static CompletableFuture<DatagramEndpoint> open(SocketAddress local, SocketAddress remote) {
        EventLoop loop = EventLoop.current();
        DatagramChannel channel = null;
        try {
            channel = DatagramChannel.open();
            channel.bind(local);
            if (remote != null) {
                channel.connect(remote);
            }
            return CompletableFuture.completedFuture(new DatagramEndpoint(loop, channel));
        } catch (IOException e) {
            return Streams.failedClosing(channel, e);
        }
    }

    /**
     * A stage that completes with the next datagram: asyncio's {@code sock_recvfrom}. One receive at
     * a time.
     *
     * @throws IllegalStateException if a receive is already waiting
     */
    public CompletableFuture<Datagram> receive() {
        if (waiting != null) {
            throw new IllegalStateException("a receive is already waiting on " + this + ": receive one at a time");
        }
        Receive receive = new Receive();
        if (!givenBack.isEmpty()) {
            receive.hand(givenBack.poll());
        } else if (!receive.receiveNow()) {
            waiting = receive;
            registration.setReader(receive);
        }
        return receive;
    }

    /** Sends {@code data} to {@code target}: asyncio's {@code transport.sendto(data, addr)}. */
    public void send(byte[] data, SocketAddress target) {
        Objects.requireNonNull(target, "target");
        queueOrSend(data.clone(), target);
    }

    /** Sends {@code data} to the address it is connected to: asyncio's {@code transport.sendto(data)}. */
    public void send(byte[] data) {
        if (!channel.isConnected()) {
            throw new IllegalStateException(
                    "send(data) needs an endpoint opened with a remote address: name the target");
        }
        queueOrSend(data.clone(), null);
    }

    private void queueOrSend(byte[] data, SocketAddress target) {
        if (sends == null && sendNow(data, target)) {
            return;
        }
        if (sends == null) {
            sends = new ArrayDeque<>();
            registration.setWriter(this::flush);
        }
        sends.add(new Object[] {data, target});
    }

    /** Whether the socket took it (or refused it for good, which the loop's exception handler hears of). */
    private boolean sendNow(byte[] data, SocketAddress target) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            int n = target == null ? channel.write(buffer) : channel.send(buffer, target);
            return n > 0 || data.length == 0;
        } catch (IOException e) {
            // As asyncio's transport: a datagram that could not be sent is reported, and the endpoint goes on.
            loop.report("sending a datagram from " + this + " to " + target, e);
            return true;
        }
    }

    private void flush() {
        while (sends != null) {
            Object[] next = sends.peek();
            if (!sendNow((byte[]) next[0], (SocketAddress) next[1])) {
                return;
            }
            sends.poll();
            if (sends.isEmpty()) {
                sends = null;
                registration.setWriter(null);
            }
        }
    }

    /** Where it is bound. */
    public SocketAddress localAddress() throws IOException {
        return channel.getLocalAddress();
    }

    /** Closes the socket; a receive waiting fails with {@link java.nio.channels.ClosedChannelException}. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            loop.report("closing " + this, e);
        }
        if (waiting != null) {
            Receive receive = waiting;
            waiting = null;
            receive.completeExceptionally(new java.nio.channels.ClosedChannelException());
        }
    }

    @Override
    public String toString() {
        return "DatagramEndpoint " + channel;
    }

    private final class Receive extends Handout<Datagram> implements Runnable {
        Receive() {
            super(null);
        }

        boolean receiveNow() {
            ByteBuffer scratch = loop.readBuffer();
            try {
                SocketAddress sender = channel.receive(scratch);
                if (sender == null) {
                    return false;
                }
                scratch.flip();
                byte[] data = new byte[scratch.remaining()];
                scratch.get(data);
                hand(new Datagram(data, sender));
            } catch (IOException e) {
                completeExceptionally(e);
            } finally {
                scratch.clear();
            }
            return true;
        }

        @Override
        public void run() {
            if (isDone() || receiveNow()) {
                waiting = null;
                registration.lingerReader();
            }
        }

        @Override
        void leave() {
            waiting = null;
            registration.lingerReader();
        }

        @Override
        void giveBack(Datagram datagram) {
            givenBack.addFirst(datagram);
        }
    }
}
