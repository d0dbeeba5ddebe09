package dev.generators.loop;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

/**
 * What a key of the loop's {@link Selector} carries: a channel's place in the selector. When the
 * channel is ready, the loop stores what it is ready for in {@link #readyOps} and queues this,
 * which {@link #run() runs} when its turn comes. A {@link Registration} runs the callbacks of
 * {@link EventLoop#addReader} and {@link EventLoop#addWriter}; a stream's {@link StreamTransport}
 * is its own, so that a connection is one object. Loop thread only.
 */
abstract class Readiness implements Runnable {
    final EventLoop loop;
    SelectionKey key;
    /**
     * What the last {@code select} found ready, for {@link #run()}: a byte holds every
     * {@link SelectionKey} operation (the highest, {@code OP_ACCEPT}, is 16), and keeps a
     * connection's {@link StreamTransport} within 80 bytes.
     */
    byte readyOps;
    /**
     * Closed with the loop: a channel that the loop opened itself (a stream's, a server's), which
     * nobody else would close once the loop is gone. Raw channels given to the loop stay open.
     */
    boolean ownedByLoop;

    Readiness(EventLoop loop) {
        this.loop = loop;
    }

    /** Closes the channels the loop opened itself, as it shuts down. */
    static void closeAll(Selector selector) {
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof Readiness readiness && readiness.ownedByLoop) {
                try {
                    key.channel().close();
                } catch (IOException ignored) {
                    // Nobody is left to tell.
                }
            }
        }
    }
}
