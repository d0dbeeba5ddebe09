package dev.generators.loop;

import static dev.generators.loop.SelectorTest.onLoop;
import static dev.generators.loop.SocketsTest.pattern;
import static dev.generators.loop.SocketsTest.rethrow;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Servers and connections over loopback, and the faults they must survive with nothing lost. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StreamsTest {
    private final EventLoop loop = EventLoop.start();

    @AfterEach
    void close() {
        loop.close();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    /** Echoes each line until an empty one or the end, then closes: the handler of asyncio's echo example, by hand. */
    static Driven<Object> echoLines(StreamReader reader, StreamWriter writer) {
        return new Driven<>(new Driven.Body() {
            int step;

            @Override
            public Object resume(Object in) throws Exception {
                rethrow(in);
                switch (step) {
                    case 0:
                        step = 1;
                        return reader.readLine();
                    case 1:
                        byte[] line = (byte[]) in;
                        if (line.length == 0 || line[0] == '\n') {
                            writer.close();
                            step = 3;
                            return writer.waitClosed();
                        }
                        writer.write(line);
                        step = 2;
                        return writer.drain();
                    case 2:
                        step = 1;
                        return reader.readLine();
                    default:
                        return Driven.end(null);
                }
            }
        });
    }

    private StreamServer startEchoServer() throws Exception {
        return onLoop(
                loop,
                () -> Streams.startServer(StreamsTest::echoLines, "127.0.0.1", 0)
                        .join());
    }

    /** A client on the loop that sends each line and reads its echo, returning the echoes. */
    private Driven<List<String>> talk(InetSocketAddress address, String... lines) {
        return talk(() -> Streams.openConnection(address, StreamReader.DEFAULT_LIMIT), lines);
    }

    /** {@link #talk(InetSocketAddress, String...)} over the connection {@code open} opens. */
    private Driven<List<String>> talk(
            java.util.function.Supplier<CompletableFuture<Connection>> open, String... lines) {
        List<String> echoes = new ArrayList<>();
        return new Driven<>(new Driven.Body() {
            Connection connection;
            int sent;

            @Override
            public Object resume(Object in) throws Exception {
                rethrow(in);
                if (connection == null && in == null) {
                    return open.get();
                }
                if (connection == null) {
                    connection = (Connection) in;
                } else if (in instanceof byte[]) {
                    echoes.add(ascii((byte[]) in));
                } else if (in == null && sent == lines.length + 1) {
                    return Driven.end(echoes);
                }
                if (sent == lines.length) {
                    sent++;
                    connection.writer().close();
                    return connection.writer().waitClosed();
                }
                connection.writer().write(lines[sent++] + "\n");
                return connection.reader().readLine();
            }
        });
    }

    @Test
    void aClientOnTheLoopTalksToAServerOnTheLoop() throws Exception {
        StreamServer server = startEchoServer();
        Task<List<String>> client = loop.run(talk(server.address(), "hello", "world"));
        assertEquals(List.of("hello\n", "world\n"), client.get(10, TimeUnit.SECONDS));
    }

    /** Whether a thread of this loop's pool for blocking calls exists (it is made when first needed). */
    private boolean blockingPoolStarted() throws Exception {
        String prefix = onLoop(loop, () -> Thread.currentThread().getName()) + "-to-thread-";
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith(prefix));
    }

    @Test
    void aHostNameIsLookedUpOnAnotherThreadThanTheLoops() throws Exception {
        assertFalse(blockingPoolStarted());
        StreamServer server = onLoop(loop, () -> Streams.startServer(StreamsTest::echoLines, "localhost", 0))
                .get(10, TimeUnit.SECONDS);
        assertTrue(blockingPoolStarted(), "the lookup of localhost ran on the loop's thread");
        int port = server.address().getPort();
        Task<List<String>> client = loop.run(talk(() -> Streams.openConnection("localhost", port), "hello"));
        assertEquals(List.of("hello\n"), client.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aLiteralAddressNeedsNoLookupAndNoOtherThread() throws Exception {
        StreamServer server = onLoop(loop, () -> Streams.startServer(StreamsTest::echoLines, "127.0.0.1", 0))
                .get(10, TimeUnit.SECONDS);
        int port = server.address().getPort();
        Task<List<String>> client = loop.run(talk(() -> Streams.openConnection("127.0.0.1", port), "hello"));
        assertEquals(List.of("hello\n"), client.get(10, TimeUnit.SECONDS));
        assertFalse(blockingPoolStarted(), "a literal address was looked up on another thread");
        assertTrue(Streams.isLiteralAddress("::1"));
        assertFalse(Streams.isLiteralAddress("localhost"));
        assertFalse(Streams.isLiteralAddress("1.2.3"));
    }

    @Test
    void aFastWriterToASlowReaderWaitsInDrainInsteadOfFillingTheHeap() throws Exception {
        int chunk = 16 * 1024;
        int total = 16 << 20;
        byte[] all = pattern(total);
        long[] mostBuffered = {0};
        int[] drainsThatWaited = {0};
        StreamServer server = onLoop(
                loop,
                () -> Streams.startServer(
                                (reader, writer) -> new Driven<>(new Driven.Body() {
                                    int offset;

                                    @Override
                                    public Object resume(Object in) throws Exception {
                                        rethrow(in);
                                        if (offset == total) {
                                            writer.close();
                                            return Driven.end(null);
                                        }
                                        writer.write(all, offset, chunk);
                                        offset += chunk;
                                        mostBuffered[0] = Math.max(mostBuffered[0], writer.writeBufferSize());
                                        CompletableFuture<Void> drain = writer.drain();
                                        if (!drain.isDone()) {
                                            drainsThatWaited[0]++;
                                        }
                                        return drain;
                                    }
                                }),
                                "127.0.0.1",
                                0)
                        .join());
        try (SocketChannel slow = SocketChannel.open(server.address())) {
            // Not reading yet: the writer must stop at the high-water mark.
            SelectorTest.waitUntil(() -> {
                try {
                    return onLoop(loop, () -> drainsThatWaited[0]) > 0;
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            ByteBuffer got = ByteBuffer.allocate(total);
            while (slow.read(got) >= 0 && got.hasRemaining()) {
                // Reading slowly, in what pieces the socket gives.
            }
            assertArrayEquals(all, got.array());
        }
        long buffered = onLoop(loop, () -> mostBuffered[0]);
        assertTrue(
                buffered <= StreamWriter.DEFAULT_HIGH_WATER + chunk,
                "at most the high-water mark and a chunk buffered, not " + buffered);
    }

    @Test
    void writeEofHalfClosesSoThePeerReadsToTheEndAndStillAnswers() throws Exception {
        StreamServer server = onLoop(
                loop,
                () -> Streams.startServer(
                                (reader, writer) -> new Driven<>(new Driven.Body() {
                                    int step;

                                    @Override
                                    public Object resume(Object in) throws Exception {
                                        rethrow(in);
                                        switch (step++) {
                                            case 0:
                                                return reader.read(-1);
                                            case 1:
                                                writer.write("got " + ascii((byte[]) in));
                                                writer.close();
                                                return writer.waitClosed();
                                            default:
                                                return Driven.end(null);
                                        }
                                    }
                                }),
                                "127.0.0.1",
                                0)
                        .join());
        Task<String> client = loop.run(new Driven<>(new Driven.Body() {
            Connection connection;

            @Override
            public Object resume(Object in) throws Exception {
                rethrow(in);
                if (in == null) {
                    return Streams.openConnection(server.address(), 100);
                }
                if (in instanceof Connection) {
                    connection = (Connection) in;
                    connection.writer().write("the whole request");
                    connection.writer().writeEof();
                    return connection.reader().read(-1);
                }
                assertTrue(connection.reader().atEof());
                return Driven.end(ascii((byte[]) in));
            }
        }));
        assertEquals("got the whole request", client.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aPeerThatResetsMidReadLeavesTheBytesItSentAndAnErrorSayingHowMany() throws Exception {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        StreamServer server = onLoop(
                loop,
                () -> Streams.startServer(
                                (reader, writer) -> new Driven<>(in -> {
                                    if (in == null) {
                                        return reader.readExactly(2000);
                                    }
                                    outcome.complete(in instanceof Throwable ? (Throwable) in : null);
                                    return Driven.end(null);
                                }),
                                "127.0.0.1",
                                0)
                        .join());
        byte[] sent = pattern(1000);
        try (SocketChannel peer = SocketChannel.open(server.address())) {
            peer.write(ByteBuffer.wrap(sent));
            peer.setOption(StandardSocketOptions.SO_LINGER, 0);
        }
        IncompleteReadException incomplete =
                assertInstanceOf(IncompleteReadException.class, outcome.get(10, TimeUnit.SECONDS));
        assertArrayEquals(sent, incomplete.partial());
        assertEquals(2000, incomplete.expected());
        assertTrue(
                incomplete.getMessage().startsWith("the connection failed after 1000 bytes, of the 2000 expected"),
                incomplete.getMessage());
        assertInstanceOf(IOException.class, incomplete.getCause());
    }

    @Test
    void anIdleClientTimesOutAndTheNextReadGetsItsWholeLine() throws Exception {
        StreamServer server = onLoop(
                loop,
                () -> Streams.startServer(
                                (reader, writer) -> new Driven<>(new Driven.Body() {
                                    int step;

                                    @Override
                                    public Object resume(Object in) throws Exception {
                                        switch (step++) {
                                            case 0:
                                                return Async.waitFor(reader.readLine(), Duration.ofMillis(100));
                                            case 1:
                                                assertInstanceOf(AsyncTimeoutException.class, in);
                                                writer.write("idle\n");
                                                return Async.waitFor(reader.readLine(), Duration.ofSeconds(10));
                                            case 2:
                                                rethrow(in);
                                                writer.write("echo " + ascii((byte[]) in));
                                                writer.close();
                                                return writer.waitClosed();
                                            default:
                                                return Driven.end(null);
                                        }
                                    }
                                }),
                                "127.0.0.1",
                                0)
                        .join());
        try (SocketChannel client = SocketChannel.open(server.address())) {
            assertEquals("idle\n", readAll(client, 1));
            // Sent in two parts, the first before the server reads: a line that arrives in pieces.
            client.write(ByteBuffer.wrap(ascii("a late ")));
            client.write(ByteBuffer.wrap(ascii("line\n")));
            assertEquals("echo a late line\n", readAll(client, -1));
        }
    }

    @Test
    void aServerClosedWithClientsConnectedServesThemOnUntilTheyAreClosed() throws Exception {
        StreamServer server = startEchoServer();
        CompletableFuture<Void> before = new CompletableFuture<>();
        CompletableFuture<Void> afterClose = new CompletableFuture<>();
        List<String> echoes = new ArrayList<>();
        Task<Object> client = loop.run(new Driven<>(new Driven.Body() {
            Connection connection;
            int step;

            @Override
            public Object resume(Object in) throws Exception {
                rethrow(in);
                switch (step++) {
                    case 0:
                        return Streams.openConnection(server.address(), 1000);
                    case 1:
                        connection = (Connection) in;
                        connection.writer().write("before\n");
                        return connection.reader().readLine();
                    case 2:
                        echoes.add(ascii((byte[]) in));
                        before.complete(null);
                        return afterClose;
                    case 3:
                        connection.writer().write("after\n");
                        return connection.reader().readLine();
                    case 4:
                        echoes.add(ascii((byte[]) in));
                        // The server closes its clients: this one reads the end.
                        server.closeClients();
                        return connection.reader().readLine();
                    default:
                        echoes.add(ascii((byte[]) in));
                        return Driven.end(null);
                }
            }
        }));
        before.get(10, TimeUnit.SECONDS);
        CompletableFuture<Void> closed = onLoop(loop, () -> {
            server.close();
            assertFalse(server.isServing());
            assertEquals(1, server.connections());
            return server.waitClosed();
        });
        assertThrows(
                IOException.class, () -> SocketChannel.open(server.address()).close());
        assertFalse(closed.isDone());
        onLoop(loop, () -> afterClose.complete(null));
        client.get(10, TimeUnit.SECONDS);
        closed.get(10, TimeUnit.SECONDS);
        assertEquals(List.of("before\n", "after\n", ""), echoes);
    }

    @Test
    void cancellingServeForeverClosesTheServer() throws Exception {
        StreamServer server = startEchoServer();
        Task<Object> serving = loop.run(new Driven<>(in -> in == null ? server.serveForever() : Driven.end(in)));
        onLoop(loop, () -> {});
        assertTrue(serving.cancel(false));
        SelectorTest.waitUntil(() -> !server.isServing());
        assertThrows(
                IOException.class, () -> SocketChannel.open(server.address()).close());
        onLoop(loop, () -> server.waitClosed()).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aRefusedConnectionFailsOpenConnection() throws Exception {
        StreamServer server = startEchoServer();
        onLoop(loop, server::close);
        CompletableFuture<Connection> opening =
                onLoop(loop, () -> Streams.openConnection(server.address(), StreamReader.DEFAULT_LIMIT));
        ExecutionException failed = assertThrows(ExecutionException.class, () -> opening.get(5, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, failed.getCause());
    }

    @Test
    void aThousandConnectionsAtOnceRunOnTheLoopsOneThread() throws Exception {
        int clients = 1000;
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        StreamServer server = startEchoServer();
        AsyncBarrier[] allConnected = {null};
        onLoop(loop, () -> allConnected[0] = new AsyncBarrier(clients + 1));
        int[] threadsAtPeak = {0};
        List<Task<String>> tasks = onLoop(loop, () -> {
            List<Task<String>> started = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String line = "client " + i + "\n";
                started.add(loop.run(new Driven<>(new Driven.Body() {
                    Connection connection;
                    String echo;
                    int step;

                    @Override
                    public Object resume(Object in) throws Exception {
                        rethrow(in);
                        switch (step++) {
                            case 0:
                                return Streams.openConnection(server.address(), 1000);
                            case 1:
                                connection = (Connection) in;
                                connection.writer().write(line);
                                return connection.reader().readLine();
                            case 2:
                                echo = ascii((byte[]) in);
                                // Every connection is open at once here.
                                return allConnected[0].waitFor();
                            case 3:
                                connection.writer().close();
                                return connection.writer().waitClosed();
                            default:
                                return Driven.end(echo);
                        }
                    }
                })));
            }
            return started;
        });
        Task<Object> watcher = loop.run(new Driven<>(in -> {
            if (in == null) {
                return allConnected[0].waitFor();
            }
            threadsAtPeak[0] = ManagementFactory.getThreadMXBean().getThreadCount();
            return Driven.end(server.connections());
        }));
        assertEquals(clients, watcher.get(30, TimeUnit.SECONDS));
        for (int i = 0; i < clients; i++) {
            assertEquals("client " + i + "\n", tasks.get(i).get(30, TimeUnit.SECONDS));
        }
        // The loop's own thread was there before; nothing was added for the connections.
        assertTrue(
                threadsAtPeak[0] <= threadsBefore,
                "threads: " + threadsBefore + " before, " + threadsAtPeak[0] + " with " + clients + " connections");
    }

    /** Reads from a blocking channel until {@code lines} newlines (or, with -1, the end). */
    private static String readAll(SocketChannel channel, int lines) throws IOException {
        StringBuilder text = new StringBuilder();
        ByteBuffer one = ByteBuffer.allocate(1);
        int seen = 0;
        while (channel.read(one) > 0) {
            char c = (char) one.get(0);
            one.clear();
            text.append(c);
            if (c == '\n' && ++seen == lines) {
                break;
            }
        }
        return text.toString();
    }
}
