package dev.generators.loop;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/**
 * A stage by which a task waits in a line of its owner's (an event's waiters, a queue's getters):
 * cancelled while it waits, it leaves the line, so that a line of waits given up does not grow.
 *
 * @param <T> what it completes with
 */
class InLine<T> extends CompletableFuture<T> {
    private final Collection<?> line;

    /** @param line the line it will wait in; whoever makes it adds it there (null if it overrides {@link #leave}) */
    InLine(Collection<?> line) {
        this.line = line;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled) {
            leave();
        }
        return cancelled;
    }

    /** Cancelled while it waits: leaves the line (an I/O operation stops waiting on its channel instead). */
    void leave() {
        line.remove(this);
    }
}
