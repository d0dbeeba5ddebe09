package dev.generators.loop;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;

/**
 * A connected socket on the loop's selector and the two stream ends over it: asyncio's
 * {@code _SelectorSocketTransport} with its {@code StreamReaderProtocol}. It reads into the
 * {@link StreamReader} whenever the socket has bytes, unless the reader holds more than twice its
 * limit and no read waits (then the socket's own buffer fills, and the peer's sends wait); the
 * {@link StreamWriter} writes through it. Loop thread only.
 */
final class StreamTransport extends Waiter implements Runnable {
    final SocketChannel channel;
    final Registration registration;
    final StreamReader reader;
    final StreamWriter writer;
    /** The server that accepted it, told when it closes; null for a connection opened. */
    final StreamServer server;
    /** The server's other connections, a list linked through these: no entry object per connection. */
    StreamTransport previous;

    StreamTransport next;
    /** Completes once the channel is closed, for {@link StreamWriter#waitClosed()}; made when first asked for. */
    private CompletableFuture<Void> closed;

    private boolean isClosed;
    private boolean reading;
    private boolean readingDone;

    StreamTransport(EventLoop loop, SocketChannel channel, int limit, StreamServer server) {
        super(loop);
        this.channel = channel;
        this.server = server;
        this.registration = loop.registration(channel);
        registration.ownedByLoop = true;
        try {
            // As asyncio does for every TCP transport: a small write goes out at once, not after an ack.
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not a TCP socket, or one already closed: the first read or write will say so.
        }
        this.reader = new StreamReader(limit, this);
        this.writer = new StreamWriter(this);
        updateReading();
    }

    /** Reads from the socket while the reader has room or a read waits, and the stream is open. */
    void updateReading() {
        boolean wanted =
                !readingDone && !isClosed && (reader.hasWaitingRead() || reader.buffered() <= 2 * reader.limit());
        if (wanted != reading) {
            reading = wanted;
            if (wanted) {
                registration.setReader(this);
            } else {
                registration.setReader(null);
            }
        }
    }

    /** The socket has bytes (the reader callback). */
    @Override
    public void run() {
        ByteBuffer scratch = loop.readBuffer();
        int n;
        try {
            n = channel.read(scratch);
        } catch (IOException e) {
            scratch.clear();
            connectionLost(e);
            return;
        }
        if (n < 0) {
            readingDone = true;
            updateReading();
            reader.feedEof();
            return;
        }
        scratch.flip();
        reader.feed(scratch);
        scratch.clear();
        updateReading();
    }

    /** The connection failed: the reader gets its bytes then the failure, the writer fails, the channel closes. */
    void connectionLost(IOException cause) {
        reader.fail(cause);
        writer.fail(cause);
        closeNow();
    }

    /** Closes the channel at once; the reader sees the end of the stream after what it has. */
    void closeNow() {
        if (isClosed) {
            return;
        }
        isClosed = true;
        readingDone = true;
        try {
            channel.close();
        } catch (IOException e) {
            loop.report("closing " + channel, e);
        }
        reader.feedEof();
        if (closed != null) {
            closed.complete(null);
        }
        if (server != null) {
            server.forget(this);
        }
    }

    boolean isClosed() {
        return isClosed;
    }

    /** A stage that completes once the channel is closed. */
    CompletableFuture<Void> closed() {
        if (closed == null) {
            closed = isClosed ? CompletableFuture.completedFuture(null) : new CompletableFuture<>();
        }
        return closed;
    }

    /**
     * The handler task of a server's connection ended: one that failed or was cancelled leaves no
     * connection open behind it (its failure goes to the exception handler). The transport waits on
     * the task itself, so that an idle connection costs no callback objects for it.
     */
    @Override
    void resume(Object value, Throwable failure) {
        if (failure != null) {
            if (!(failure instanceof java.util.concurrent.CancellationException)) {
                loop.report("running the handler of the connection from " + writer.remoteAddress(), failure);
            }
            writer.abort();
        }
    }

    /** Stops reading, as asyncio's transport does once it is told to close. */
    void stopReading() {
        readingDone = true;
        updateReading();
    }
}
