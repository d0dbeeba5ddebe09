package dev.generators.loop;

import static dev.generators.loop.SelectorTest.onLoop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** UDP endpoints on the loop's selector. */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DatagramEndpointTest {
    private final EventLoop loop = EventLoop.start();
    private DatagramEndpoint a;
    private DatagramEndpoint b;

    @BeforeEach
    void open() throws Exception {
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        a = onLoop(loop, () -> DatagramEndpoint.open(any, null).join());
        b = onLoop(loop, () -> DatagramEndpoint.open(any, null).join());
    }

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void aDatagramSentIsReceivedWithItsSender() throws Exception {
        CompletableFuture<Datagram> receiving = onLoop(loop, () -> b.receive());
        onLoop(loop, () -> {
            try {
                a.send("ping".getBytes(StandardCharsets.US_ASCII), b.localAddress());
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        Datagram got = receiving.get(5, TimeUnit.SECONDS);
        assertEquals("ping", new String(got.data(), StandardCharsets.US_ASCII));
        assertEquals(a.localAddress(), got.sender());
    }

    @Test
    void cancelledReceivesLoseNoDatagram() throws Exception {
        CompletableFuture<Datagram> first = onLoop(loop, () -> b.receive());
        assertTrue(onLoop(loop, () -> first.cancel(false)));
        List<String> got = new ArrayList<>();
        onLoop(loop, () -> {
            try {
                a.send("one".getBytes(StandardCharsets.US_ASCII), b.localAddress());
                a.send("two".getBytes(StandardCharsets.US_ASCII), b.localAddress());
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        // Received, then cancelled before any task resumed with it: given back for the next receive.
        CompletableFuture<Datagram> handed = onLoop(loop, () -> b.receive());
        Datagram one = handed.get(5, TimeUnit.SECONDS);
        assertFalse(onLoop(loop, () -> handed.cancel(false)));
        got.add(new String(
                onLoop(loop, () -> b.receive()).get(5, TimeUnit.SECONDS).data(), StandardCharsets.US_ASCII));
        got.add(new String(
                onLoop(loop, () -> b.receive()).get(5, TimeUnit.SECONDS).data(), StandardCharsets.US_ASCII));
        assertEquals("one", new String(one.data(), StandardCharsets.US_ASCII));
        assertEquals(List.of("one", "two"), got);
    }
}
