package dev.generators.loop;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
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
 */
public final class StreamWriter {
    /** asyncio's default high-water mark: 64 KiB. */
    public static final int DEFAULT_HIGH_WATER = 64 * 1024;

    private final StreamTransport transport;
    /** The writer callback, made when the socket first can't take a write at once. */
    private Runnable writable;
    /** What the socket has not taken yet, in order; null when empty. */
    private ArrayDeque<ByteBuffer> queue;

    private long buffered;
    private long sent;
    private int highWater = DEFAULT_HIGH_WATER;
    private int lowWater = DEFAULT_HIGH_WATER / 4;
    /** Whether more than the high-water mark was buffered and not yet down to the low one. */
    private boolean paused;

    private boolean closing;
    private boolean eofWanted;
    private IncompleteSendException failure;
    /** Bytes written after the failure, which were never sent either. */
    private long writtenAfterFailure;
    /** The drains waiting for the buffer to go down; null when none. */
    private List<CompletableFuture<Void>> drains;

    StreamWriter(StreamTransport transport) {
        this.transport = transport;
    }

    /**
     * Sends {@code data}, or buffers what the socket does not take at once: asyncio's
     * {@code write(data)}. The array may be reused afterwards.
     *
     * @throws IllegalStateException after {@link #close()} or {@link #writeEof()}
     */
    public void write(byte[] data) {
        write(ByteBuffer.wrap(data));
    }

    /** {@link #write(byte[])} of {@code length} bytes of {@code data} from {@code offset}. */
    public void write(byte[] data, int offset, int length) {
        write(ByteBuffer.wrap(data, offset, length));
    }

    /** {@link #write(byte[])} of {@code text} in UTF-8. */
    public void write(String text) {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@link #write(byte[])} of the bytes of {@code data} from its position to its limit; the
     * buffer's position ends at its limit, and it may be reused afterwards.
     */
    public void write(ByteBuffer data) {
        if (closing || eofWanted) {
            throw new IllegalStateException("write after " + (closing ? "close()" : "writeEof()") + " on " + this);
        }
        int n = data.remaining();
        if (n == 0) {
            return;
        }
        if (failure != null) {
            writtenAfterFailure += n;
            data.position(data.limit());
            return;
        }
        if (queue == null) {
            try {
                sent += transport.channel.write(data);
            } catch (IOException e) {
                transport.connectionLost(e);
                writtenAfterFailure += data.remaining();
                data.position(data.limit());
                return;
            }
            if (!data.hasRemaining()) {
                return;
            }
            queue = new ArrayDeque<>(4);
            if (writable == null) {
                writable = this::flush;
            }
            transport.registration.setWriter(writable);
        }
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data).flip();
        queue.add(copy);
        buffered += copy.remaining();
        if (buffered > highWater) {
            paused = true;
        }
    }

    /**
     * A stage that completes once the buffer is down to the low-water mark, at once unless more
     * than the high-water mark is buffered: asyncio's {@code drain()}. It fails with an
     * {@link IncompleteSendException} once the connection has failed.
     */
    public CompletableFuture<Void> drain() {
        if (failure != null) {
            return CompletableFuture.failedFuture(failure());
        }
        if (!paused) {
            return CompletableFuture.completedFuture(null);
        }
        if (drains == null) {
            drains = new ArrayList<>(2);
        }
        Drain drain = new Drain(drains);
        drains.add(drain);
        return drain;
    }

    /**
     * Closes the sending side once the buffer is sent, so the peer reads the end of the stream
     * while this side can still read: asyncio's {@code write_eof()}, a half-close.
     */
    public void writeEof() {
        if (eofWanted || closing) {
            return;
        }
        eofWanted = true;
        if (queue == null) {
            shutdownOutput();
        }
    }

    /** Whether {@link #writeEof()} can half-close this stream: always, for a TCP socket. */
    public boolean canWriteEof() {
        return true;
    }

    /**
     * Stops reading, and closes the connection once the buffer is sent: asyncio's {@code close()}.
     * Yield {@link #waitClosed()} to wait for it.
     */
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        transport.stopReading();
        if (queue == null || failure != null) {
            transport.closeNow();
        }
    }

    /** Closes the connection at once, dropping what is buffered: asyncio's {@code transport.abort()}. */
    public void abort() {
        closing = true;
        transport.closeNow();
    }

    /** Whether {@link #close()} was called, or the connection closed: asyncio's {@code is_closing()}. */
    public boolean isClosing() {
        return closing || transport.isClosed();
    }

    /**
     * A stage that completes once the connection is closed: asyncio's {@code wait_closed()}. It
     * fails with an {@link IncompleteSendException} if bytes written were not sent.
     */
    public CompletableFuture<Void> waitClosed() {
        return transport
                .closed()
                .thenCompose(closed -> failure == null
                        ? CompletableFuture.completedFuture(null)
                        : CompletableFuture.failedFuture(failure()));
    }

    /**
     * Sets when {@link #drain()} waits (more than {@code high} bytes buffered) and until when (down
     * to {@code low}): asyncio's {@code transport.set_write_buffer_limits(high, low)}.
     */
    public void setWriteBufferLimits(int high, int low) {
        if (low < 0 || high < low) {
            throw new IllegalArgumentException(
                    "write buffer limits need 0 <= low <= high, not high " + high + ", low " + low);
        }
        highWater = high;
        lowWater = low;
        if (buffered > highWater) {
            paused = true;
        } else if (paused && buffered <= lowWater) {
            resume();
        }
    }

    /** The bytes written and not yet taken by the socket: asyncio's {@code transport.get_write_buffer_size()}. */
    public long writeBufferSize() {
        return buffered;
    }

    /** The address of the peer: asyncio's {@code get_extra_info('peername')}; null if it is not known. */
    public SocketAddress remoteAddress() {
        try {
            return transport.channel.getRemoteAddress();
        } catch (IOException e) {
            return null;
        }
    }

    /** The address of this end: asyncio's {@code get_extra_info('sockname')}; null if it is not known. */
    public SocketAddress localAddress() {
        try {
            return transport.channel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "StreamWriter to " + remoteAddress() + " (" + buffered + " bytes buffered" + (closing ? ", closing" : "")
                + (failure != null ? ", failed" : "") + ")";
    }

    // ---- the transport's side ----

    private void flush() {
        try {
            while (queue != null) {
                ByteBuffer head = queue.peek();
                int n = transport.channel.write(head);
                sent += n;
                buffered -= n;
                if (head.hasRemaining()) {
                    break;
                }
                queue.poll();
                if (queue.isEmpty()) {
                    queue = null;
                }
            }
        } catch (IOException e) {
            transport.connectionLost(e);
            return;
        }
        if (paused && buffered <= lowWater) {
            resume();
        }
        if (queue == null) {
            transport.registration.setWriter(null);
            if (closing) {
                transport.closeNow();
            } else if (eofWanted) {
                shutdownOutput();
            }
        }
    }

    private void shutdownOutput() {
        try {
            transport.channel.shutdownOutput();
        } catch (IOException e) {
            transport.connectionLost(e);
        }
    }

    private void resume() {
        paused = false;
        List<CompletableFuture<Void>> woken = drains;
        drains = null;
        if (woken != null) {
            for (CompletableFuture<Void> drain : woken) {
                drain.complete(null);
            }
        }
    }

    /** The connection failed: what was buffered was not sent, and drains say so. */
    void fail(IOException cause) {
        if (failure != null) {
            return;
        }
        failure = new IncompleteSendException("the stream", sent, buffered, cause);
        queue = null;
        paused = false;
        List<CompletableFuture<Void>> failed = drains;
        drains = null;
        if (failed != null) {
            for (CompletableFuture<Void> drain : failed) {
                drain.completeExceptionally(failure());
            }
        }
    }

    /** The failure, counting as unsent the bytes written after it. */
    private IncompleteSendException failure() {
        if (writtenAfterFailure == 0) {
            return failure;
        }
        return new IncompleteSendException(
                "the stream", failure.sent(), failure.unsent() + writtenAfterFailure, failure.getCause());
    }

    /** A waiting drain, which leaves the line when cancelled. */
    private static final class Drain extends InLine<Void> {
        Drain(List<CompletableFuture<Void>> line) {
            super(line);
        }
    }
}
