package dev.generators.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The reader's buffer and reads, fed by hand: asyncio's StreamReader semantics. */
class StreamReaderTest {
    private final StreamTransport reader = StreamTransport.fedByHand(16);

    private void feed(String text) {
        reader.feed(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String text(CompletableFuture<byte[]> read) {
        assertTrue(read.isDone(), "the read is still waiting");
        return new String(read.join(), StandardCharsets.US_ASCII);
    }

    private static Throwable failure(CompletableFuture<?> read) {
        CompletionException thrown = assertThrows(CompletionException.class, read::join);
        return thrown.getCause();
    }

    @Test
    void readGivesWhatIsThereUpToNAndWaitsOnlyWhenNothingIs() {
        feed("hello world");
        assertEquals("hello", text(reader.read(5)));
        assertEquals(" world", text(reader.read(100)));
        CompletableFuture<byte[]> waiting = reader.read(100);
        assertFalse(waiting.isDone());
        feed("more");
        assertEquals("more", text(waiting));
        reader.feedEof();
        assertEquals("", text(reader.read(100)));
        assertTrue(reader.atEof());
    }

    @Test
    void readOfMinusOneGivesEverythingUpToTheEnd() {
        CompletableFuture<byte[]> all = reader.read(-1);
        feed("0123456789");
        feed("0123456789");
        feed("0123456789");
        assertFalse(all.isDone());
        reader.feedEof();
        assertEquals("012345678901234567890123456789", text(all));
    }

    @Test
    void readExactlyWaitsForTheWholeCountAndAtTheEndCarriesThePartialBytes() {
        CompletableFuture<byte[]> four = reader.readExactly(4);
        feed("ab");
        assertFalse(four.isDone());
        feed("cdef");
        assertEquals("abcd", text(four));
        CompletableFuture<byte[]> ten = reader.readExactly(10);
        reader.feedEof();
        IncompleteReadException incomplete = assertInstanceOf(IncompleteReadException.class, failure(ten));
        assertEquals("ef", new String(incomplete.partial(), StandardCharsets.US_ASCII));
        assertEquals(10, incomplete.expected());
        assertEquals("the stream ended after 2 bytes, of the 10 expected", incomplete.getMessage());
    }

    @Test
    void readLineGivesLinesWithTheirNewlineAndWhatIsLeftAtTheEnd() {
        feed("one\ntw");
        assertEquals("one\n", text(reader.readLine()));
        CompletableFuture<byte[]> two = reader.readLine();
        assertFalse(two.isDone());
        feed("o\nthree");
        assertEquals("two\n", text(two));
        CompletableFuture<byte[]> three = reader.readLine();
        reader.feedEof();
        assertEquals("three", text(three));
        assertEquals("", text(reader.readLine()));
        assertTrue(reader.atEof());
    }

    @Test
    void aLineLongerThanTheLimitFailsClearlyAndIsDropped() {
        feed("this line is far too long\nnext\n");
        LimitOverrunException overrun = assertInstanceOf(LimitOverrunException.class, failure(reader.readLine()));
        assertTrue(
                overrun.getMessage().startsWith("readLine: a line longer than the reader's limit of 16 bytes"),
                overrun.getMessage());
        assertEquals("next\n", text(reader.readLine()));
    }

    @Test
    void readUntilASeparatorSplitAcrossFeedsFindsIt() {
        CompletableFuture<byte[]> head = reader.readUntil("\r\n\r\n");
        feed("GET /\r");
        feed("\n\r");
        assertFalse(head.isDone());
        feed("\nbody");
        assertEquals("GET /\r\n\r\n", text(head));
        assertEquals("body", text(reader.read(10)));
    }

    @Test
    void readUntilPastTheLimitFailsAndLeavesTheBytesInTheStream() {
        feed("no separator in these twenty bytes");
        LimitOverrunException overrun = assertInstanceOf(LimitOverrunException.class, failure(reader.readUntil("|")));
        assertEquals(34, overrun.consumed());
        assertEquals("no separator in these twenty bytes", text(reader.read(100)));
    }

    @Test
    void readUntilTheEndCarriesThePartialBytes() {
        feed("abc");
        reader.feedEof();
        IncompleteReadException incomplete =
                assertInstanceOf(IncompleteReadException.class, failure(reader.readUntil("|")));
        assertArrayEquals("abc".getBytes(StandardCharsets.US_ASCII), incomplete.partial());
        assertEquals(-1, incomplete.expected());
    }

    @Test
    void aReadCancelledAfterItGotItsBytesGivesThemBackInFront() {
        feed("first\nsecond\n");
        CompletableFuture<byte[]> line = reader.readLine();
        assertFalse(line.cancel(false));
        assertEquals("first\nsecond\n", text(reader.read(100)));
    }

    @Test
    void aReadToTheEndCancelledWhileItWaitsPutsBackWhatItGathered() {
        CompletableFuture<byte[]> all = reader.read(-1);
        feed("gathered ");
        assertTrue(all.cancel(false));
        feed("and more");
        assertEquals("gathered and more", text(reader.read(100)));
    }

    @Test
    void afterAFailureTheBytesThatCameAreReadFirstThenTheFailureSaysHowMany() {
        feed("last words");
        reader.fail(new SocketException("Connection reset"));
        assertEquals("last words", text(reader.read(100)));
        Throwable failed = failure(reader.read(100));
        assertInstanceOf(IOException.class, failed);
        assertEquals(
                "the connection failed after 10 bytes were received: java.net.SocketException: Connection reset",
                failed.getMessage());
    }

    @Test
    void twoReadsAtOnceAreRefused() {
        reader.read(1);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> reader.readLine());
        assertTrue(refused.getMessage().startsWith("a read is already waiting"), refused.getMessage());
    }
}
