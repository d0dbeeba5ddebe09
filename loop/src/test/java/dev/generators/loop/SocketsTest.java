package dev.generators.loop;

import static dev.generators.loop.SelectorTest.onLoop;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Accept, connect, receive and send on the loop's selector; cancels that lose no byte. */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SocketsTest {
    private EventLoop loop;
    /** The loop's end of a connection, and the test thread's (blocking). */
    private SocketChannel ours;

    private SocketChannel peer;

    @BeforeEach
    void connect() throws IOException {
        loop = EventLoop.start();
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            peer = SocketChannel.open(server.getLocalAddress());
            ours = server.accept();
        }
    }

    @AfterEach
    void close() throws IOException {
        loop.close();
        ours.close();
        peer.close();
    }

    @Test
    void aServerAndAClientOnTheLoopEchoEveryByte() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            byte[] sent = pattern(300_000);
            Task<Object> serving = loop.run(echoOnce(server));
            SocketChannel client = SocketChannel.open();
            Task<byte[]> talking = loop.run(new Driven<>(new Driven.Body() {
                int step;
                final ByteArrayOutputStream got = new ByteArrayOutputStream();
                final ByteBuffer buffer = ByteBuffer.allocate(8192);

                @Override
                public Object resume(Object in) throws Exception {
                    rethrow(in);
                    switch (step++) {
                        case 0:
                            return Sockets.connect(client, server.getLocalAddress());
                        case 1:
                            // Sending all before reading: the echo must push back on us and wait.
                            return Sockets.sendAll(client, ByteBuffer.wrap(sent));
                        case 2:
                            client.shutdownOutput();
                            return Sockets.receive(client, buffer);
                        default:
                            if ((Integer) in < 0) {
                                client.close();
                                return Driven.end(got.toByteArray());
                            }
                            got.write(buffer.array(), 0, buffer.position());
                            buffer.clear();
                            return Sockets.receive(client, buffer);
                    }
                }
            }));
            assertArrayEquals(sent, talking.get(10, TimeUnit.SECONDS));
            serving.get(10, TimeUnit.SECONDS);
        }
    }

    /** Accepts one connection and echoes it until the client's end, in pieces of 4 KB. */
    private static Driven<Object> echoOnce(ServerSocketChannel server) {
        return new Driven<>(new Driven.Body() {
            SocketChannel client;
            final ByteBuffer buffer = ByteBuffer.allocate(4096);
            boolean sending;

            @Override
            public Object resume(Object in) throws Exception {
                rethrow(in);
                if (client == null && in == null) {
                    return Sockets.accept(server);
                }
                if (client == null) {
                    client = (SocketChannel) in;
                    return Sockets.receive(client, buffer);
                }
                if (sending) {
                    sending = false;
                    buffer.clear();
                    return Sockets.receive(client, buffer);
                }
                if ((Integer) in < 0) {
                    client.close();
                    return Driven.end(null);
                }
                sending = true;
                buffer.flip();
                return Sockets.sendAll(client, buffer);
            }
        });
    }

    @Test
    void aReceiveCancelledWhileItWaitsTakesNothingAndTheNextGetsEveryByte() throws Exception {
        ByteBuffer first = ByteBuffer.allocate(100);
        CompletableFuture<Integer> waiting = onLoop(loop, () -> Sockets.receive(ours, first));
        assertTrue(onLoop(loop, () -> waiting.cancel(false)));
        byte[] sent = pattern(50_000);
        peer.write(ByteBuffer.wrap(sent));
        peer.shutdownOutput();
        assertEquals(0, first.position());
        assertArrayEquals(sent, loop.run(receiveAll(ours)).get(10, TimeUnit.SECONDS));
    }

    @Test
    void aReceiveCancelledAfterItGotItsBytesButBeforeItsTaskResumedGivesThemBack() throws Exception {
        peer.write(ByteBuffer.wrap("hello, ".getBytes(StandardCharsets.US_ASCII)));
        ByteBuffer buffer = ByteBuffer.allocate(100);
        CompletableFuture<Boolean> cancelled = new CompletableFuture<>();
        onLoop(loop, () -> {
            loop.addReader(ours, () -> {
                loop.removeReader(ours);
                CompletableFuture<Integer> received = Sockets.receive(ours, buffer);
                // Handed its bytes, not yet claimed by a task that resumed with them.
                assertEquals(7, received.getNow(null));
                cancelled.complete(received.cancel(false));
            });
        });
        assertFalse(cancelled.get(5, TimeUnit.SECONDS));
        assertEquals(0, buffer.position(), "the bytes were taken back out of the buffer");
        peer.write(ByteBuffer.wrap("world".getBytes(StandardCharsets.US_ASCII)));
        peer.shutdownOutput();
        assertEquals("hello, world", new String(loop.run(receiveAll(ours)).get(5, TimeUnit.SECONDS)));
    }

    @Test
    void theIdleTimeoutPatternTimesOutThenTheNextReceiveGetsEveryByte() throws Exception {
        byte[] sent = pattern(200_000);
        CompletableFuture<Void> timedOut = new CompletableFuture<>();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(1000);
        Task<byte[]> reading = loop.run(new Driven<>(in -> {
            if (in == null) {
                return Async.waitFor(Sockets.receive(ours, buffer), Duration.ofMillis(50));
            }
            if (in instanceof AsyncTimeoutException) {
                timedOut.complete(null);
                return Sockets.receive(ours, buffer);
            }
            rethrow(in);
            if ((Integer) in < 0) {
                return Driven.end(got.toByteArray());
            }
            got.write(buffer.array(), 0, buffer.position());
            buffer.clear();
            // Each receive again has its time limit, as an idle timeout would.
            return Async.waitFor(Sockets.receive(ours, buffer), Duration.ofSeconds(5));
        }));
        timedOut.get(5, TimeUnit.SECONDS);
        peer.write(ByteBuffer.wrap(sent));
        peer.shutdownOutput();
        assertArrayEquals(sent, reading.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aTaskCancelledInItsReceiveLeavesEveryByteToTheNextReceive() throws Exception {
        CompletableFuture<Void> waiting = new CompletableFuture<>();
        Driven<Object> doomed = new Driven<>(in -> {
            rethrow(in);
            waiting.complete(null);
            return Sockets.receive(ours, ByteBuffer.allocate(10));
        });
        Task<Object> task = loop.run(doomed);
        waiting.get(5, TimeUnit.SECONDS);
        assertTrue(task.cancel(false));
        assertThrows(CancellationException.class, task::join);
        byte[] sent = pattern(100_000);
        peer.write(ByteBuffer.wrap(sent));
        peer.shutdownOutput();
        assertArrayEquals(sent, loop.run(receiveAll(ours)).get(10, TimeUnit.SECONDS));
    }

    @Test
    void aTaskCancelledAfterItsWaitForCompletedButBeforeItResumedGivesTheBytesBack() throws Exception {
        peer.write(ByteBuffer.wrap("every byte".getBytes(StandardCharsets.US_ASCII)));
        CompletableFuture<Void> readable = onLoop(loop, () -> {
            CompletableFuture<Void> ready = new CompletableFuture<>();
            loop.addReader(ours, () -> {
                loop.removeReader(ours);
                ready.complete(null);
            });
            return ready;
        });
        readable.get(5, TimeUnit.SECONDS);
        Task<?>[] self = new Task<?>[1];
        Driven<Object> doomed = new Driven<>(in -> {
            rethrow(in);
            // The receive completes at once; waitFor hands its value on at the next turn, and the
            // task would resume at the one after: the cancel queued now comes in between.
            CompletableFuture<Integer> limited =
                    Async.waitFor(Sockets.receive(ours, ByteBuffer.allocate(100)), Duration.ofHours(1));
            loop.execute(() -> self[0].cancel(false));
            return limited;
        });
        onLoop(loop, () -> self[0] = loop.run(doomed));
        assertThrows(CancellationException.class, self[0]::join);
        peer.shutdownOutput();
        assertEquals("every byte", new String(loop.run(receiveAll(ours)).get(5, TimeUnit.SECONDS)));
    }

    @Test
    void aSendToAPeerThatResetsSaysHowMuchWasSent() throws Exception {
        byte[] sent = pattern(8 << 20);
        CompletableFuture<Void> sending = onLoop(loop, () -> Sockets.sendAll(ours, ByteBuffer.wrap(sent)));
        // The peer reads a little, then resets the connection with the rest unread.
        ByteBuffer some = ByteBuffer.allocate(1000);
        peer.read(some);
        peer.setOption(StandardSocketOptions.SO_LINGER, 0);
        peer.close();
        ExecutionException failed = assertThrows(ExecutionException.class, () -> sending.get(10, TimeUnit.SECONDS));
        IncompleteSendException incomplete = assertInstanceOf(IncompleteSendException.class, failed.getCause());
        assertEquals(sent.length, incomplete.sent() + incomplete.unsent());
        assertTrue(incomplete.unsent() > 0, incomplete.getMessage());
        assertTrue(incomplete.getMessage().startsWith("sendAll failed after sending " + incomplete.sent() + " bytes"));
    }

    @Test
    void aRefusedConnectFailsTheStage() throws Exception {
        InetSocketAddress nobody;
        try (ServerSocketChannel closed = ServerSocketChannel.open()) {
            closed.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            nobody = (InetSocketAddress) closed.getLocalAddress();
        }
        SocketChannel channel = SocketChannel.open();
        try {
            CompletableFuture<Void> connecting = onLoop(loop, () -> Sockets.connect(channel, nobody));
            ExecutionException failed =
                    assertThrows(ExecutionException.class, () -> connecting.get(5, TimeUnit.SECONDS));
            assertInstanceOf(ConnectException.class, failed.getCause());
        } finally {
            channel.close();
        }
    }

    @Test
    void twoReceivesAtOnceOnAChannelAreRefused() throws Exception {
        onLoop(loop, () -> Sockets.receive(ours, ByteBuffer.allocate(1)));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> {
            try {
                onLoop(loop, () -> Sockets.receive(ours, ByteBuffer.allocate(1)));
            } catch (ExecutionException e) {
                throw e.getCause();
            }
        });
        assertTrue(refused.getMessage().endsWith("is already waiting: receive one at a time"), refused.getMessage());
    }

    /** Receives until the peer's end, in pieces of up to 1,000 bytes. */
    static Driven<byte[]> receiveAll(SocketChannel channel) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(1000);
        return new Driven<>(in -> {
            rethrow(in);
            if (in != null) {
                if ((Integer) in < 0) {
                    return Driven.end(got.toByteArray());
                }
                got.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            return Sockets.receive(channel, buffer);
        });
    }

    static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i % 251);
        }
        return bytes;
    }

    static void rethrow(Object in) throws Exception {
        if (in instanceof Exception) {
            throw (Exception) in;
        }
        if (in instanceof Error) {
            throw (Error) in;
        }
    }
}
