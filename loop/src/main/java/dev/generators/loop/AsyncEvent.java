package dev.generators.loop;

import java.util.LinkedHashSet;
import java.util.concurrent.CompletableFuture;

/**
 * A flag that tasks of one loop can wait to be set: asyncio's {@code Event}. It starts clear;
 * {@link #set()} wakes every task waiting, in the order they came, and those that wait afterwards
 * go on at once, until {@link #clear()}.
 *
 * <pre>{@code
 * Yield.value(event.waitFor());              // await event.wait()
 * event.set();                               // event.set()
 * }</pre>
 *
 * <p>The wait is {@code waitFor()} because Java's {@code wait()} is {@link Object#wait()}. A task
 * cancelled while it waits leaves the line, and the others are woken as before. Use it on the
 * loop's thread.
 */
public final class AsyncEvent {
    private boolean set;
    /** The stages of the tasks waiting, in the order they came; a cancelled one removes itself. */
    private final LinkedHashSet<Wait> waiters = new LinkedHashSet<>();

    /**
     * A stage that completes once the event is set: at once if it is: {@code await event.wait()}.
     */
    public CompletableFuture<Void> waitFor() {
        if (set) {
            return CompletableFuture.completedFuture(null);
        }
        Wait wait = new Wait();
        waiters.add(wait);
        return wait;
    }

    /** Sets the flag and wakes every task waiting: {@code event.set()}. */
    public void set() {
        if (set) {
            return;
        }
        set = true;
        // Emptied first: completing a stage runs its callbacks at once, and one may clear and wait again.
        Wait[] woken = waiters.toArray(new Wait[0]);
        waiters.clear();
        for (Wait wait : woken) {
            wait.complete(null);
        }
    }

    /** Clears the flag, so that {@link #waitFor()} waits again: {@code event.clear()}. */
    public void clear() {
        set = false;
    }

    /** Whether the flag is set: {@code event.is_set()}. */
    public boolean isSet() {
        return set;
    }

    @Override
    public String toString() {
        return "AsyncEvent (" + (set ? "set" : "clear") + (waiters.isEmpty() ? "" : ", " + waiters.size() + " waiting")
                + ")";
    }

    private final class Wait extends InLine<Void> {
        Wait() {
            super(waiters);
        }
    }
}
