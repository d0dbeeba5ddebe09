package dev.generators.loop;

import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * The writing end of a stream connection: asyncio's {@code StreamWriter}. {@link #write} never
 * waits: what the socket does not take at once is buffered and sent as the socket can. Yield
 * {@link #drain()} after writing, as asyncio's writers await it: it waits while more than the
 * high-water mark is buffered, until the buffer is down to the low-water mark, so a fast writer to
 * a slow reader is held back instead of filling the heap.
 *
 * <pre>{@code
 * writer.write(data);                    // writer.write(data)
 * Yield.value(writer.drain());           // await writer.drain()
 * writer.close();                        // writer.close()
 * Yield.value(writer.waitClosed());      // await writer.wait_closed()
 * }</pre>
 *
 * <p>Nothing is lost silently: when the connection fails, {@link #drain()} (and
 * {@link #waitClosed()}) fail with an {@link IncompleteSendException} saying how many of the bytes
 * written were sent and how many were not. Use it on the loop's thread.
 *
 * <p>The loop makes the writers, as asyncio's streams do: a connection's writer and its
 * {@link StreamReader} are one object of the loop's.
 */
public sealed interface StreamWriter permits StreamTransport {
    /** asyncio's default high-water mark: 64 KiB. */
    int DEFAULT_HIGH_WATER = 64 * 1024;

    /**
     * Sends {@code data}, or buffers what the socket does not take at once: asyncio's
     * {@code write(data)}. The array may be reused afterwards.
     *
     * @throws IllegalStateException after {@link #close()} or {@link #writeEof()}
     */
    default void write(byte[] data) {
        write(ByteBuffer.wrap(data));
    }

    /** {@link #write(byte[])} of {@code length} bytes of {@code data} from {@code offset}. */
    default void write(byte[] data, int offset, int length) {
        write(ByteBuffer.wrap(data, offset, length));
    }

    /** {@link #write(byte[])} of {@code text} in UTF-8. */
    default void write(String text) {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@link #write(byte[])} of the bytes of {@code data} from its position to its limit; the
     * buffer's position ends at its limit, and it may be reused afterwards.
     */
    void write(ByteBuffer data);

    /**
     * A stage that completes once the buffer is down to the low-water mark, at once unless more
     * than the high-water mark is buffered: asyncio's {@code drain()}. It fails with an
     * {@link IncompleteSendException} once the connection has failed.
     */
    CompletableFuture<Void> drain();

    /**
     * Closes the sending side once the buffer is sent, so the peer reads the end of the stream
     * while this side can still read: asyncio's {@code write_eof()}, a half-close.
     */
    void writeEof();

    /** Whether {@link #writeEof()} can half-close this stream: always, for a TCP socket. */
    boolean canWriteEof();

    /**
     * Stops reading, and closes the connection once the buffer is sent: asyncio's {@code close()}.
     * Yield {@link #waitClosed()} to wait for it.
     */
    void close();

    /** Closes the connection at once, dropping what is buffered: asyncio's {@code transport.abort()}. */
    void abort();

    /** Whether {@link #close()} was called, or the connection closed: asyncio's {@code is_closing()}. */
    boolean isClosing();

    /**
     * A stage that completes once the connection is closed: asyncio's {@code wait_closed()}. It
     * fails with an {@link IncompleteSendException} if bytes written were not sent.
     */
    CompletableFuture<Void> waitClosed();

    /**
     * Sets when {@link #drain()} waits (more than {@code high} bytes buffered) and until when (down
     * to {@code low}): asyncio's {@code transport.set_write_buffer_limits(high, low)}.
     */
    void setWriteBufferLimits(int high, int low);

    /** The bytes written and not yet taken by the socket: asyncio's {@code transport.get_write_buffer_size()}. */
    long writeBufferSize();

    /** The address of the peer: asyncio's {@code get_extra_info('peername')}; null if it is not known. */
    SocketAddress remoteAddress();

    /** The address of this end: asyncio's {@code get_extra_info('sockname')}; null if it is not known. */
    SocketAddress localAddress();
}
