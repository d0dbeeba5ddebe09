package dev.generators.loop;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * The reading end of a stream connection: asyncio's {@code StreamReader}. Its reads return stages
 * for a task to yield, complete at once when the bytes are there:
 *
 * <pre>{@code
 * byte[] data = Yield.value(reader.read(100));          // data = await reader.read(100)
 * byte[] line = Yield.value(reader.readLine());         // line = await reader.readline()
 * byte[] head = Yield.value(reader.readExactly(4));     // head = await reader.readexactly(4)
 * }</pre>
 *
 * <p>What arrives is kept in the reader's buffer until a read takes it; reading from the socket
 * pauses while more than twice the {@linkplain #limit() limit} waits there and no read does, so a
 * slow reader holds the sender back instead of filling the heap. A read cancelled while it waits
 * has taken nothing; one cancelled after it got its bytes but before its task resumed puts them
 * back in front: a {@code waitFor(reader.readLine(), timeout)} that times out loses no byte.
 *
 * <p>When the connection fails (a reset), the bytes received before the failure are still read
 * first; then reads fail with the failure, which says how many bytes were received. One read at a
 * time; use it on the loop's thread.
 *
 * <p>The loop makes the readers, as asyncio's streams do: a connection's reader and its
 * {@link StreamWriter} are one object of the loop's, so that an idle connection costs the heap as
 * little as it can.
 */
public sealed interface StreamReader permits StreamTransport {
    /** asyncio's default limit: 64 KiB. */
    int DEFAULT_LIMIT = 64 * 1024;

    /**
     * Up to {@code n} bytes, as soon as there are any; fewer only if that is all there is; none
     * once the stream has ended. With {@code n < 0}, every byte up to the end: asyncio's
     * {@code read(n)}.
     */
    CompletableFuture<byte[]> read(int n);

    /**
     * Exactly {@code n} bytes, or, if the stream ends first, an {@link IncompleteReadException}
     * carrying those that came: asyncio's {@code readexactly(n)}.
     */
    CompletableFuture<byte[]> readExactly(int n);

    /**
     * The bytes up to and including the next {@code \n}; at the end of the stream, what is left
     * (empty if nothing is): asyncio's {@code readline()}. A line longer than the {@linkplain #limit
     * limit} fails with {@link LimitOverrunException}, and is dropped (up to its {@code \n}, if that
     * has come), as asyncio's {@code readline} drops it.
     */
    CompletableFuture<byte[]> readLine();

    /**
     * The bytes up to and including the next {@code separator}: asyncio's
     * {@code readuntil(separator)}. If the stream ends first, an {@link IncompleteReadException}
     * carrying what came; if the separator is not within the {@linkplain #limit limit}, a
     * {@link LimitOverrunException}, the bytes left in the stream.
     */
    CompletableFuture<byte[]> readUntil(byte[] separator);

    /** {@link #readUntil(byte[])} of a separator written as text, in UTF-8. */
    default CompletableFuture<byte[]> readUntil(String separator) {
        return readUntil(separator.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the stream has ended and every byte of it was read: asyncio's {@code at_eof()}. */
    boolean atEof();

    /** The most a line (or a read up to a separator) may hold. */
    int limit();

    /** The bytes received and not yet read. */
    int buffered();
}
