package dev.generators.loop;

import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * A channel's place in the loop's selector with the reader and writer callbacks of {@link EventLoop#addReader} and {@link EventLoop#addWriter}
 * (asyncio keeps the same two handles per file descriptor), and the interest they make. When the
 * channel is ready, the loop queues this registration, which runs the callbacks for what is ready
 * when its turn comes. Loop thread only.
 */
final class Registration extends Readiness {

    /** A reader callback that drops the read interest the first time it is called. */
    private static final Runnable LINGERING = () -> {};

    private Runnable reader;
    private Runnable writer;
    /**
     * What a cancelled operation gave back, for the next to take first: bytes received (a
     * {@link java.nio.ByteBuffer} ready to be read) or connections accepted (a queue of them).
     */
    Object givenBack;

    Registration(EventLoop loop) {
        super(loop);
    }

    /** @return whether there was a reader callback before */
    boolean setReader(Runnable callback) {
        boolean had = reader() != null;
        reader = callback;
        updateInterest();
        return had;
    }

    /**
     * Drops the reader callback, but keeps the read interest until the channel is next found ready
     * with no callback set again meanwhile: a socket read again soon after (the usual case) then
     * costs the selector no change of interest either way.
     */
    void lingerReader() {
        reader = LINGERING;
    }

    /** The reader callback, or null; a lingering interest has none. */
    Runnable reader() {
        return reader == LINGERING ? null : reader;
    }

    /** The writer callback, or null. */
    Runnable writer() {
        return writer;
    }

    /** @return whether there was a writer callback before */
    boolean setWriter(Runnable callback) {
        boolean had = writer != null;
        writer = callback;
        updateInterest();
        return had;
    }

    private void updateInterest() {
        if (!key.isValid()) {
            return;
        }
        int valid = key.channel().validOps();
        int ops = 0;
        if (reader != null) {
            ops |= valid & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT);
        }
        if (writer != null) {
            boolean connecting =
                    key.channel() instanceof SocketChannel && ((SocketChannel) key.channel()).isConnectionPending();
            ops |= connecting ? SelectionKey.OP_CONNECT : valid & SelectionKey.OP_WRITE;
        }
        // The selector applies a change at its next select, and none at all if the interest is back as it was.
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    /** Runs the callbacks for what the channel was found ready for, if they are still set. */
    @Override
    public void run() {
        int ops = readyOps;
        if ((ops & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT)) != 0 && reader != null) {
            if (reader == LINGERING) {
                setReader(null);
            } else {
                call(reader);
            }
        }
        if ((ops & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT)) != 0 && writer != null) {
            call(writer);
        }
    }

    private void call(Runnable callback) {
        try {
            callback.run();
        } catch (Throwable thrown) {
            loop.report("running the readiness callback " + callback + " of " + key.channel(), thrown);
        }
    }

    @Override
    public String toString() {
        return "readiness of " + key.channel();
    }
}
