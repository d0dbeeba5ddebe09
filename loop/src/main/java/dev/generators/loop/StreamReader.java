package dev.generators.loop;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
 */
public final class StreamReader {
    /** asyncio's default limit: 64 KiB. */
    public static final int DEFAULT_LIMIT = 64 * 1024;

    private static final byte[] EMPTY = new byte[0];

    private final int limit;
    /** Told when a read waits, so that it reads from the socket again; null for a reader fed by hand. */
    private final StreamTransport transport;
    /** The bytes received and not read: {@code buffer[start..end)}; null when there are none. */
    private byte[] buffer;

    private int start;
    private int end;
    private boolean eof;
    private Throwable failure;
    private long received;
    /** The read waiting for bytes, if any. */
    private Read waiting;

    StreamReader(int limit, StreamTransport transport) {
        if (limit <= 0) {
            throw new IllegalArgumentException("the limit of a StreamReader must be positive, not " + limit);
        }
        this.limit = limit;
        this.transport = transport;
    }

    /**
     * Up to {@code n} bytes, as soon as there are any; fewer only if that is all there is; none
     * once the stream has ended. With {@code n < 0}, every byte up to the end: asyncio's
     * {@code read(n)}.
     */
    public CompletableFuture<byte[]> read(int n) {
        return start(new Read(n < 0 ? Read.ALL : Read.SOME, n, null));
    }

    /**
     * Exactly {@code n} bytes, or, if the stream ends first, an {@link IncompleteReadException}
     * carrying those that came: asyncio's {@code readexactly(n)}.
     */
    public CompletableFuture<byte[]> readExactly(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("readExactly needs a count of 0 or more, not " + n);
        }
        return start(new Read(Read.EXACTLY, n, null));
    }

    /**
     * The bytes up to and including the next {@code \n}; at the end of the stream, what is left
     * (empty if nothing is): asyncio's {@code readline()}. A line longer than the {@linkplain #limit
     * limit} fails with {@link LimitOverrunException}, and is dropped (up to its {@code \n}, if that
     * has come), as asyncio's {@code readline} drops it.
     */
    public CompletableFuture<byte[]> readLine() {
        return start(new Read(Read.LINE, 0, NEWLINE));
    }

    /**
     * The bytes up to and including the next {@code separator}: asyncio's
     * {@code readuntil(separator)}. If the stream ends first, an {@link IncompleteReadException}
     * carrying what came; if the separator is not within the {@linkplain #limit limit}, a
     * {@link LimitOverrunException}, the bytes left in the stream.
     */
    public CompletableFuture<byte[]> readUntil(byte[] separator) {
        if (separator.length == 0) {
            throw new IllegalArgumentException("readUntil needs a separator of at least one byte");
        }
        return start(new Read(Read.UNTIL, 0, separator.clone()));
    }

    /** {@link #readUntil(byte[])} of a separator written as text, in UTF-8. */
    public CompletableFuture<byte[]> readUntil(String separator) {
        return readUntil(separator.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the stream has ended and every byte of it was read: asyncio's {@code at_eof()}. */
    public boolean atEof() {
        return eof && buffer == null;
    }

    /** The most a line (or a read up to a separator) may hold. */
    public int limit() {
        return limit;
    }

    /** The bytes received and not yet read. */
    public int buffered() {
        return buffer == null ? 0 : end - start;
    }

    @Override
    public String toString() {
        return "StreamReader (" + buffered() + " bytes buffered" + (eof ? ", at the end" : "")
                + (failure != null ? ", failed: " + failure : "") + (waiting != null ? ", a read waiting" : "") + ")";
    }

    private static final byte[] NEWLINE = {'\n'};

    private CompletableFuture<byte[]> start(Read read) {
        if (waiting != null) {
            throw new IllegalStateException(
                    "a read is already waiting on this StreamReader: read one at a time, as asyncio's reader does");
        }
        if (!read.attempt()) {
            waiting = read;
            if (transport != null) {
                transport.updateReading();
            }
        }
        return read;
    }

    /** Whether a read waits for more bytes: the socket is read then, however many are buffered. */
    boolean hasWaitingRead() {
        return waiting != null;
    }

    // ---- what the transport feeds it ----

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

    void feedEof() {
        eof = true;
        wakeWaiting();
    }

    /** The connection failed: reads get the bytes that came before, then {@code cause}. */
    void fail(Throwable cause) {
        if (failure == null && !eof) {
            failure = new java.io.IOException(
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
        if (transport != null) {
            transport.updateReading();
        }
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

    /** One read: completed by {@link #attempt()} once the bytes it wants are buffered, or the stream has ended. */
    private final class Read extends Handout<byte[]> {
        static final int SOME = 0;
        static final int ALL = 1;
        static final int EXACTLY = 2;
        static final int UNTIL = 3;
        static final int LINE = 4;

        private final int kind;
        private final int count;
        private final byte[] separator;
        /** Where the separator search goes on from, counted from the first byte buffered (the buffer may move). */
        private int searched;
        /** What a read to the end has taken so far. */
        private ByteArrayOutputStream all;

        Read(int kind, int count, byte[] separator) {
            super(null);
            this.kind = kind;
            this.count = count;
            this.separator = separator;
        }

        /** Completes it if it can: whether it did. */
        boolean attempt() {
            int buffered = buffered();
            switch (kind) {
                case SOME:
                    if (count == 0) {
                        hand(EMPTY);
                    } else if (buffered > 0) {
                        hand(take(Math.min(count, buffered)));
                    } else if (failure != null) {
                        completeExceptionally(failure);
                    } else if (eof) {
                        hand(EMPTY);
                    } else {
                        return false;
                    }
                    return true;
                case ALL:
                    if (buffered > 0) {
                        if (all == null) {
                            all = new ByteArrayOutputStream(buffered);
                        }
                        all.writeBytes(take(buffered));
                    }
                    if (failure != null) {
                        completeExceptionally(failure);
                    } else if (eof) {
                        hand(all == null ? EMPTY : all.toByteArray());
                    } else {
                        return false;
                    }
                    return true;
                case EXACTLY:
                    if (buffered >= count) {
                        hand(take(count));
                    } else if (eof) {
                        completeExceptionally(new IncompleteReadException(take(buffered), count, failure));
                    } else {
                        return false;
                    }
                    return true;
                default:
                    return attemptUntil(buffered);
            }
        }

        private boolean attemptUntil(int buffered) {
            int found = buffer == null ? -1 : indexOf(separator, start + searched);
            if (found >= 0) {
                int length = found + separator.length - start;
                if (length <= limit) {
                    hand(take(length));
                } else {
                    overrun("is found, but the chunk before it is longer than the limit", length, length);
                }
                return true;
            }
            if (buffered > limit) {
                overrun("is not found, and the chunk exceeds the limit", buffered, buffered);
                return true;
            }
            if (eof) {
                if (kind == LINE && failure == null) {
                    hand(take(buffered));
                } else {
                    completeExceptionally(new IncompleteReadException(take(buffered), -1, failure));
                }
                return true;
            }
            // The next search begins where a separator could still start, counted from the first byte buffered.
            searched = Math.max(0, buffered - separator.length + 1);
            return false;
        }

        private void overrun(String what, int looked, int drop) {
            if (kind == LINE) {
                take(drop);
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

        @Override
        void leave() {
            waiting = null;
            if (all != null) {
                unread(all.toByteArray());
                all = null;
            }
        }

        @Override
        void giveBack(byte[] bytes) {
            unread(bytes);
        }
    }
}
