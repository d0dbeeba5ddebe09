package dev.generators.loop;

import java.util.LinkedHashSet;
import java.util.concurrent.CompletableFuture;

/**
 * A count of permits for the tasks of one loop: asyncio's {@code Semaphore}, or with
 * {@link #bounded} its {@code BoundedSemaphore}. {@link #acquire()} returns a stage to yield,
 * complete at once while a permit is free; {@link #release()} gives one back.
 *
 * <pre>{@code
 * Yield.value(semaphore.acquire());          // async with semaphore:
 * try {
 *     ...
 * } finally {
 *     semaphore.release();
 * }
 * }</pre>
 *
 * <p>Waiters are served in the order they came: a permit released while some wait is handed to
 * the first of them, and one arriving meanwhile can't take it first. A task cancelled while it
 * waits leaves the line. One cancelled after a permit was handed to it, but before it resumed
 * with it, hands the permit on: a cancel loses no permit and keeps none.
 *
 * <p>Like asyncio's, it is not thread-safe: use it on the loop's thread.
 */
public final class AsyncSemaphore {
    private int permits;
    /** The number of permits a bounded semaphore started with; -1 for one that is not bounded. */
    private final int bound;
    /** Acquirers waiting, first come first out; a cancelled one removes itself. */
    private final LinkedHashSet<Grant> waiters = new LinkedHashSet<>();
    /**
     * Permits handed to waiters whose tasks have not yet resumed with them: while there are any,
     * a newcomer waits behind them even if a permit is free, as asyncio's {@code locked()} counts
     * a waiter woken and not yet gone on.
     */
    private int handedOut;

    /**
     * A semaphore with {@code permits} free permits: {@code asyncio.Semaphore(permits)}. As there,
     * {@link #release()} may raise the count above where it started.
     *
     * @throws IllegalArgumentException if {@code permits} is negative
     */
    public AsyncSemaphore(int permits) {
        this(permits, -1);
    }

    private AsyncSemaphore(int permits, int bound) {
        if (permits < 0) {
            throw new IllegalArgumentException("an AsyncSemaphore needs 0 or more permits, not " + permits);
        }
        this.permits = permits;
        this.bound = bound;
    }

    /**
     * A semaphore whose {@link #release()} throws when it would raise the count above
     * {@code permits}, the number it starts with: {@code asyncio.BoundedSemaphore(permits)}, which
     * catches a release without an acquire.
     *
     * @throws IllegalArgumentException if {@code permits} is negative
     */
    public static AsyncSemaphore bounded(int permits) {
        return new AsyncSemaphore(permits, permits);
    }

    /**
     * A stage that completes once this task has a permit: at once if one is free and nobody
     * waits, else when one is released to it: {@code await semaphore.acquire()}.
     */
    public CompletableFuture<Void> acquire() {
        // A released permit goes straight to a waiter, so a free one means that nobody waits.
        if (permits > 0 && handedOut == 0) {
            permits--;
            return CompletableFuture.completedFuture(null);
        }
        Grant grant = new Grant();
        waiters.add(grant);
        return grant;
    }

    /**
     * Gives a permit back: to the first task waiting, if any, else to the count:
     * {@code semaphore.release()}.
     *
     * @throws IllegalStateException if the semaphore is {@link #bounded} and has all its permits
     */
    public void release() {
        if (bound >= 0 && permits >= bound) {
            throw new IllegalStateException("release() of a bounded AsyncSemaphore called more times than acquire():"
                    + " all its " + bound + " permits are free");
        }
        if (Handout.handToFirst(waiters, null)) {
            handedOut++;
        } else {
            permits++;
        }
    }

    /** A permit handed out was taken: the free ones go to the waiters that queued behind it. */
    private void handedOutClaimed() {
        handedOut--;
        while (permits > 0 && handedOut == 0 && Handout.handToFirst(waiters, null)) {
            permits--;
            handedOut++;
        }
    }

    /** Whether {@link #acquire()} would have to wait: {@code semaphore.locked()}. */
    public boolean isLocked() {
        return permits == 0 || handedOut > 0;
    }

    /** The number of permits free. */
    public int availablePermits() {
        return permits;
    }

    @Override
    public String toString() {
        return "AsyncSemaphore with " + permits + (bound >= 0 ? " of at most " + bound : "") + " permits free"
                + (waiters.isEmpty() ? "" : ", " + waiters.size() + " waiting");
    }

    /**
     * What a waiting {@link #acquire()} returns. Cancelled after it was handed a permit and before
     * its task resumed (the task's cancel cancels the stage it waits on, and so does a
     * {@code gather} or {@code waitFor} holding it), it gives the permit back.
     */
    private final class Grant extends Handout<Void> {
        Grant() {
            super(waiters);
        }

        @Override
        boolean claimsItself() {
            return true;
        }

        @Override
        void claimed(Void permit) {
            handedOutClaimed();
        }

        @Override
        void giveBack(Void permit) {
            handedOut--;
            release();
        }
    }
}
