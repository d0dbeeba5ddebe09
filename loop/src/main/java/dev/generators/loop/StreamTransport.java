package dev.generators.loop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * A connected socket on the loop's selector and the two stream ends over it, in one object:
 * asyncio's {@code _SelectorSocketTransport} with its {@code StreamReaderProtocol}, the
 * {@link StreamReader} and the {@link StreamWriter}, and the channel's place in the selector. An
 * idle connection is this object, the read its task waits on, and the task (see
 * {@code ConnectionFootprintTest}): what is needed only at times (the queue of bytes the socket
 * has not taken, the drains, the water marks, a failure, the future of {@link #waitClosed()}) is
 * made when it is, and dropped when it is not any more.
 *
 * <p>It reads into its buffer whenever the socket has bytes, unless more than twice the limit is
 * buffered and no read waits (then the socket's own buffer fills, and the peer's sends wait).
 * Loop thread only.
 */
final class StreamTransport extends Readiness implements StreamReader, StreamWriter {
    private static final byte[] EMPTY = new byte[0];
    private static final byte[] NEWLINE = {'\n'};

    /** The server that accepted it, told when it closes; null for a connection opened. */
    final StreamServer server;
    /** The server's other connections, a list linked through these: no entry object per connection. */
    StreamTransport previous;

    StreamTransport next;
    private boolean isClosed;
    /** Whether the socket is read (the selector watches it for reading). */
    private boolean reading;

    private boolean readingDone;

    // ---- the reader's side ----

    private final int limit;
    /** The bytes received and not read: {@code buffer[start..end)}; null when there are none. */
    private byte[] buffer;

    private int start;
    private int end;
    private boolean eof;
    private long received;
    /** The read waiting for bytes, if any. */
    private Read waiting;

    // ---- the writer's side ----

    /**
     * What the connection needs only while the socket can't take the bytes written, once the water
     * marks are set, once it has failed or once its close is awaited; null otherwise.
     */
    private Extra extra;

    private long sent;
    private boolean closing;
    private boolean eofWanted;

    StreamTransport(EventLoop loop, SocketChannel channel, int limit, StreamServer server) {
        super(loop);
        if (limit <= 0) {
            throw new IllegalArgumentException("the limit of a StreamReader must be positive, not " + limit);
        }
        this.limit = limit;
        this.server = server;
        if (channel == null) {
            return; // fed by hand
        }
        loop.register(channel, this);
        ownedByLoop = true;
        try {
            // As asyncio does for every TCP transport: a small write goes out at once, not after an ack.
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not a TCP socket, or one already closed: the first read or write will say so.
        }
        updateReading();
    }

    /** A reader with no socket, fed by hand with {@link #feed}, {@link #feedEof} and {@link #fail}: for tests. */
    static StreamTransport fedByHand(int limit) {
        return new StreamTransport(null, null, limit, null);
    }

    private SocketChannel channel() {
        return (SocketChannel) key.channel();
    }

    // ---- the transport: the socket and the selector ----

    /** Reads from the socket while the reader has room or a read waits, and the stream is open. */
    private void updateReading() {
        boolean wanted = !readingDone && !isClosed && (waiting != null || buffered() <= 2 * limit);
        if (wanted != reading && key != null) {
            reading = wanted;
            updateInterest();
        }
    }

    private void updateInterest() {
        if (key == null || !key.isValid()) {
            return;
        }
        int ops = (reading ? SelectionKey.OP_READ : 0) | (hasQueue() ? SelectionKey.OP_WRITE : 0);
        // The selector applies a change at its next select, and none at all if the interest is back as it was.
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    /** The channel is ready: reads if the socket is read, then writes if bytes wait to be sent. */
    @Override
    public void run() {
        int ops = readyOps;
        if ((ops & SelectionKey.OP_READ) != 0 && reading) {
            readNow();
        }
        if ((ops & SelectionKey.OP_WRITE) != 0 && hasQueue()) {
            flush();
        }
    }

    /** The socket has bytes. */
    private void readNow() {
        ByteBuffer scratch = loop.readBuffer();
        int n;
        try {
            n = channel().read(scratch);
        } catch (IOException e) {
            scratch.clear();
            connectionLost(e);
            return;
        }
        if (n < 0) {
            readingDone = true;
            updateReading();
            feedEof();
            return;
        }
        scratch.flip();
        feed(scratch);
        scratch.clear();
        updateReading();
    }

    /** The connection failed: the reader gets its bytes then the failure, the writer fails, the channel closes. */
    void connectionLost(IOException cause) {
        fail(cause);
        failWriting(cause);
        closeNow();
    }

    /** Closes the channel at once; the reader sees the end of the stream after what it has. */
    void closeNow() {
        if (isClosed) {
            return;
        }
        isClosed = true;
        readingDone = true;
        reading = false;
        try {
            key.channel().close();
        } catch (IOException e) {
            loop.report("closing " + key.channel(), e);
        }
        feedEof();
        if (extra != null && extra.closed != null) {
            extra.closed.complete(null);
        }
        if (server != null) {
            server.forget(this);
        }
    }

    boolean isClosed() {
        return isClosed;
    }

    /**
     * The handler task of a server's connection ended: one that failed or was cancelled leaves no
     * connection open behind it (its failure goes to the exception handler).
     */
    void handlerEnded(Throwable failure) {
        if (failure != null) {
            if (!(failure instanceof CancellationException)) {
                loop.report("running the handler of the connection from " + remoteAddress(), failure);
            }
            abort();
        }
    }

    /** Stops reading, as asyncio's transport does once it is told to close. */
    private void stopReading() {
        readingDone = true;
        updateReading();
    }

    @Override
    public String toString() {
        return "stream to " + (key == null ? "nowhere" : remoteAddress()) + " (" + buffered() + " bytes buffered"
                + (eof ? ", at the end" : "") + (waiting != null ? ", a read waiting" : "") + ", " + writeBufferSize()
                + " bytes to send" + (closing ? ", closing" : "")
                + (readFailure() != null || sendFailure() != null ? ", failed" : "") + ")";
    }

    // ---- the reader ----

    @Override
    public CompletableFuture<byte[]> read(int n) {
        return start(n < 0 ? new ReadAll(this) : new ReadSome(this, n));
    }

    @Override
    public CompletableFuture<byte[]> readExactly(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("readExactly needs a count of 0 or more, not " + n);
        }
        return start(new ReadExactly(this, n));
    }

    @Override
    public CompletableFuture<byte[]> readLine() {
        return start(new ReadUntil(this, NEWLINE, true));
    }

    @Override
    public CompletableFuture<byte[]> readUntil(byte[] separator) {
        if (separator.length == 0) {
            throw new IllegalArgumentException("readUntil needs a separator of at least one byte");
        }
        return start(new ReadUntil(this, separator.clone(), false));
    }

    @Override
    public boolean atEof() {
        return eof && buffer == null;
    }

    @Override
    public int limit() {
        return limit;
    }

    @Override
    public int buffered() {
        return buffer == null ? 0 : end - start;
    }

    private CompletableFuture<byte[]> start(Read read) {
        if (waiting != null) {
            throw new IllegalStateException(
                    "a read is already waiting on this StreamReader: read one at a time, as asyncio's reader does");
        }
        if (!read.attempt()) {
            waiting = read;
            updateReading();
        }
        return read;
    }

    /** Bytes from the socket. */
    void feed(ByteBuffer data) {
        int n = data.remaining();
        if (n == 0) {
            return;
        }
        received += n;
        if (buffer == null) {
            buffer = new byte[n];
            start = 0;
            end = 0;
        } else if (end + n > buffer.length) {
            int buffered = end - start;
            byte[] target =
                    buffered + n <= buffer.length ? buffer : new byte[Math.max(buffer.length * 2, buffered + n)];
            System.arraycopy(buffer, start, target, 0, buffered);
            buffer = target;
            start = 0;
            end = buffered;
        }
        data.get(buffer, end, n);
        end += n;
        wakeWaiting();
    }

    /** The end of the stream. */
    void feedEof() {
        eof = true;
        wakeWaiting();
    }

    /** The connection failed: reads get the bytes that came before, then {@code cause}. */
    void fail(Throwable cause) {
        if (readFailure() == null && !eof) {
            extra().readFailure = new IOException(
                    "the connection failed after " + received + " bytes were received: " + cause, cause);
        }
        eof = true;
        wakeWaiting();
    }

    private void wakeWaiting() {
        Read read = waiting;
        if (read == null) {
            return;
        }
        // Cleared first: completing it runs its callbacks at once, and one may start the next read.
        waiting = null;
        if (!read.attempt()) {
            waiting = read;
        }
    }

    private byte[] take(int n) {
        if (n == 0) {
            return EMPTY;
        }
        byte[] taken;
        if (start == 0 && end == n && buffer.length == n) {
            taken = buffer;
        } else {
            taken = Arrays.copyOfRange(buffer, start, start + n);
        }
        start += n;
        if (start == end) {
            // An idle connection holds no buffer.
            buffer = null;
            start = 0;
            end = 0;
        }
        updateReading();
        return taken;
    }

    /** Puts {@code bytes} back in front of those buffered, for the next read to take first. */
    private void unread(byte[] bytes) {
        int n = bytes.length;
        if (n == 0) {
            return;
        }
        if (buffer == null) {
            buffer = bytes.clone();
            start = 0;
            end = n;
        } else if (start >= n) {
            start -= n;
            System.arraycopy(bytes, 0, buffer, start, n);
        } else {
            int buffered = end - start;
            byte[] joined = new byte[n + buffered];
            System.arraycopy(bytes, 0, joined, 0, n);
            System.arraycopy(buffer, start, joined, n, buffered);
            buffer = joined;
            start = 0;
            end = joined.length;
        }
    }

    /** Where {@code separator} begins in the buffer at or after {@code from}, or -1. */
    private int indexOf(byte[] separator, int from) {
        outer:
        for (int i = from; i <= end - separator.length; i++) {
            for (int j = 0; j < separator.length; j++) {
                if (buffer[i + j] != separator[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
    /**
     * One read: completed by {@link #attempt()} once the bytes it wants are buffered, or the stream
     * has ended. A kind of its own for each kind of read, so that the read an idle connection waits
     * on holds no more than its count.
     */
    private abstract static class Read extends Handout<byte[]> {
        final StreamTransport stream;

        Read(StreamTransport stream) {
            super(null);
            this.stream = stream;
        }

        /** Completes it if it can: whether it did. */
        abstract boolean attempt();

        @Override
        void leave() {
            stream.waiting = null;
        }

        @Override
        void giveBack(byte[] bytes) {
            stream.unread(bytes);
        }
    }

    /** {@link #read(int)} of 0 or more. */
    private static final class ReadSome extends Read {
        private final int count;

        ReadSome(StreamTransport stream, int count) {
            super(stream);
            this.count = count;
        }

        @Override
        boolean attempt() {
            int buffered = stream.buffered();
            if (count == 0) {
                hand(EMPTY);
            } else if (buffered > 0) {
                hand(stream.take(Math.min(count, buffered)));
            } else if (stream.readFailure() != null) {
                completeExceptionally(stream.readFailure());
            } else if (stream.eof) {
                hand(EMPTY);
            } else {
                return false;
            }
            return true;
        }
    }

    /** {@link #read(int)} of a negative count: up to the end. */
    private static final class ReadAll extends Read {
        /** What it has taken so far. */
        private ByteArrayOutputStream all;

        ReadAll(StreamTransport stream) {
            super(stream);
        }

        @Override
        boolean attempt() {
            int buffered = stream.buffered();
            if (buffered > 0) {
                if (all == null) {
                    all = new ByteArrayOutputStream(buffered);
                }
                all.writeBytes(stream.take(buffered));
            }
            if (stream.readFailure() != null) {
                completeExceptionally(stream.readFailure());
            } else if (stream.eof) {
                hand(all == null ? EMPTY : all.toByteArray());
            } else {
                return false;
            }
            return true;
        }

        @Override
        void leave() {
            super.leave();
            if (all != null) {
                stream.unread(all.toByteArray());
                all = null;
            }
        }
    }

    /** {@link #readExactly(int)}. */
    private static final class ReadExactly extends Read {
        private final int count;

        ReadExactly(StreamTransport stream, int count) {
            super(stream);
            this.count = count;
        }

        @Override
        boolean attempt() {
            int buffered = stream.buffered();
            if (buffered >= count) {
                hand(stream.take(count));
            } else if (stream.eof) {
                completeExceptionally(new IncompleteReadException(stream.take(buffered), count, stream.readFailure()));
            } else {
                return false;
            }
            return true;
        }
    }

    /** {@link #readUntil(byte[])}, and {@link #readLine()}, which differs at the end and past the limit. */
    private static final class ReadUntil extends Read {
        private final byte[] separator;
        private final boolean line;
        /** Where the separator search goes on from, counted from the first byte buffered (the buffer may move). */
        private int searched;

        ReadUntil(StreamTransport stream, byte[] separator, boolean line) {
            super(stream);
            this.separator = separator;
            this.line = line;
        }

        @Override
        boolean attempt() {
            StreamTransport s = stream;
            int buffered = s.buffered();
            int found = s.buffer == null ? -1 : s.indexOf(separator, s.start + searched);
            if (found >= 0) {
                int length = found + separator.length - s.start;
                if (length <= s.limit) {
                    hand(s.take(length));
                } else {
                    overrun("is found, but the chunk before it is longer than the limit", length, length);
                }
                return true;
            }
            if (buffered > s.limit) {
                overrun("is not found, and the chunk exceeds the limit", buffered, buffered);
                return true;
            }
            if (s.eof) {
                if (line && s.readFailure() == null) {
                    hand(s.take(buffered));
                } else {
                    completeExceptionally(new IncompleteReadException(s.take(buffered), -1, s.readFailure()));
                }
                return true;
            }
            // The next search begins where a separator could still start, counted from the first byte buffered.
            searched = Math.max(0, buffered - separator.length + 1);
            return false;
        }

        private void overrun(String what, int looked, int drop) {
            int limit = stream.limit;
            if (line) {
                stream.take(drop);
                completeExceptionally(new LimitOverrunException(
                        "readLine: a line longer than the reader's limit of " + limit + " bytes (" + looked
                                + " without its end); it was dropped. Raise the limit where the stream is opened,"
                                + " or read such lines in pieces with read(n)",
                        looked));
            } else {
                completeExceptionally(new LimitOverrunException(
                        "readUntil: the separator " + what + " of " + limit + " bytes (" + looked
                                + " looked at); they are left in the stream",
                        looked));
            }
        }
    }

    // ---- the writer ----

    @Override
    public void write(ByteBuffer data) {
        if (closing || eofWanted) {
            throw new IllegalStateException("write after " + (closing ? "close()" : "writeEof()") + " on " + this);
        }
        int n = data.remaining();
        if (n == 0) {
            return;
        }
        if (writeFailure() != null) {
            extra().writtenAfterFailure += n;
            data.position(data.limit());
            return;
        }
        Extra extra = this.extra;
        if (extra == null || extra.queue == null) {
            try {
                sent += channel().write(data);
            } catch (IOException e) {
                connectionLost(e);
                extra().writtenAfterFailure += data.remaining();
                data.position(data.limit());
                return;
            }
            if (!data.hasRemaining()) {
                return;
            }
            extra = extra();
            extra.queue = new ArrayDeque<>(4);
            updateInterest();
        }
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data).flip();
        extra.queue.add(copy);
        extra.unsent += copy.remaining();
        if (extra.unsent > extra.highWater) {
            extra.paused = true;
        }
    }

    @Override
    public CompletableFuture<Void> drain() {
        if (writeFailure() != null) {
            return CompletableFuture.failedFuture(sendFailure());
        }
        Extra extra = this.extra;
        if (extra == null || !extra.paused) {
            return CompletableFuture.completedFuture(null);
        }
        if (extra.drains == null) {
            extra.drains = new ArrayList<>(2);
        }
        Drain drain = new Drain(extra.drains);
        extra.drains.add(drain);
        return drain;
    }

    @Override
    public void writeEof() {
        if (eofWanted || closing) {
            return;
        }
        eofWanted = true;
        if (!hasQueue()) {
            shutdownOutput();
        }
    }

    @Override
    public boolean canWriteEof() {
        return true;
    }

    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        stopReading();
        if (!hasQueue() || writeFailure() != null) {
            closeNow();
        }
    }

    @Override
    public void abort() {
        closing = true;
        closeNow();
    }

    @Override
    public boolean isClosing() {
        return closing || isClosed;
    }

    @Override
    public CompletableFuture<Void> waitClosed() {
        Extra extra = extra();
        if (extra.closed == null) {
            extra.closed = isClosed ? CompletableFuture.completedFuture(null) : new CompletableFuture<>();
        }
        return extra.closed.thenCompose(done -> writeFailure() == null
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.failedFuture(sendFailure()));
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        if (low < 0 || high < low) {
            throw new IllegalArgumentException(
                    "write buffer limits need 0 <= low <= high, not high " + high + ", low " + low);
        }
        Extra extra = extra();
        extra.highWater = high;
        extra.lowWater = low;
        if (extra.unsent > high) {
            extra.paused = true;
        } else if (extra.paused && extra.unsent <= low) {
            resumeWriting(extra);
        }
        dropExtraIfIdle();
    }

    @Override
    public long writeBufferSize() {
        return extra == null ? 0 : extra.unsent;
    }

    @Override
    public SocketAddress remoteAddress() {
        try {
            return channel().getRemoteAddress();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public SocketAddress localAddress() {
        try {
            return channel().getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    private boolean hasQueue() {
        return extra != null && extra.queue != null;
    }

    private Extra extra() {
        if (extra == null) {
            extra = new Extra();
        }
        return extra;
    }

    /** An idle connection with the default limits holds nothing but its counts. */
    private void dropExtraIfIdle() {
        Extra extra = this.extra;
        if (extra != null
                && extra.queue == null
                && extra.drains == null
                && !extra.paused
                && extra.highWater == DEFAULT_HIGH_WATER
                && extra.lowWater == DEFAULT_HIGH_WATER / 4
                && extra.readFailure == null
                && extra.writeFailure == null
                && extra.closed == null) {
            this.extra = null;
        }
    }

    /** Why reads fail after the bytes received: the connection failed; null if it did not. */
    private IOException readFailure() {
        return extra == null ? null : extra.readFailure;
    }

    /** The failure of the connection as the writer tells it; null if it did not fail. */
    private IncompleteSendException writeFailure() {
        return extra == null ? null : extra.writeFailure;
    }

    /** The socket can take bytes again: sends what waits. */
    private void flush() {
        Extra extra = this.extra;
        try {
            while (extra.queue != null) {
                ByteBuffer head = extra.queue.peek();
                int n = channel().write(head);
                sent += n;
                extra.unsent -= n;
                if (head.hasRemaining()) {
                    break;
                }
                extra.queue.poll();
                if (extra.queue.isEmpty()) {
                    extra.queue = null;
                }
            }
        } catch (IOException e) {
            connectionLost(e);
            return;
        }
        if (extra.paused && extra.unsent <= extra.lowWater) {
            resumeWriting(extra);
        }
        if (extra.queue == null) {
            updateInterest();
            dropExtraIfIdle();
            if (closing) {
                closeNow();
            } else if (eofWanted) {
                shutdownOutput();
            }
        }
    }

    private void shutdownOutput() {
        try {
            channel().shutdownOutput();
        } catch (IOException e) {
            connectionLost(e);
        }
    }

    private static void resumeWriting(Extra extra) {
        extra.paused = false;
        List<CompletableFuture<Void>> woken = extra.drains;
        extra.drains = null;
        if (woken != null) {
            for (CompletableFuture<Void> drain : woken) {
                drain.complete(null);
            }
        }
    }

    /** The connection failed: what was buffered was not sent, and drains say so. */
    private void failWriting(IOException cause) {
        if (writeFailure() != null) {
            return;
        }
        Extra extra = extra();
        extra.writeFailure = new IncompleteSendException("the stream", sent, extra.unsent, cause);
        extra.queue = null;
        extra.paused = false;
        List<CompletableFuture<Void>> failed = extra.drains;
        extra.drains = null;
        if (failed != null) {
            for (CompletableFuture<Void> drain : failed) {
                drain.completeExceptionally(sendFailure());
            }
        }
        updateInterest();
    }

    /** The failure, counting as unsent the bytes written after it. */
    private IncompleteSendException sendFailure() {
        IncompleteSendException failure = extra.writeFailure;
        long after = extra.writtenAfterFailure;
        if (after == 0) {
            return failure;
        }
        return new IncompleteSendException("the stream", failure.sent(), failure.unsent() + after, failure.getCause());
    }

    /** What a connection holds only while its writes wait, once its limits were set, it failed or its close is awaited. */
    private static final class Extra {
        /** What the socket has not taken yet, in order; null when empty. */
        ArrayDeque<ByteBuffer> queue;
        /** The bytes in {@link #queue}. */
        long unsent;

        int highWater = DEFAULT_HIGH_WATER;
        int lowWater = DEFAULT_HIGH_WATER / 4;
        /** Whether more than the high-water mark was buffered and not yet down to the low one. */
        boolean paused;
        /** The drains waiting for the buffer to go down; null when none. */
        List<CompletableFuture<Void>> drains;
        /** Why reads fail after the bytes received, once the connection has failed. */
        IOException readFailure;
        /** What the writer tells of the failure. */
        IncompleteSendException writeFailure;
        /** Bytes written after the failure, which were never sent either. */
        long writtenAfterFailure;
        /** Completes once the channel is closed, for {@link #waitClosed()}; made when first asked for. */
        CompletableFuture<Void> closed;
    }

    /** A waiting drain, which leaves the line when cancelled. */
    private static final class Drain extends InLine<Void> {
        Drain(List<CompletableFuture<Void>> line) {
            super(line);
        }
    }
}
