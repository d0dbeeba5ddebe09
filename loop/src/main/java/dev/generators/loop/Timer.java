package dev.generators.loop;

/**
 * A callback that {@link EventLoop#callLater} scheduled: asyncio's {@code TimerHandle}.
 * {@link #cancel()} it to keep it from running.
 */
public final class Timer implements Comparable<Timer> {
    /** When it is due, on the scale of {@link EventLoop#time()}. */
    final long deadline;

    private final EventLoop loop;
    /** The order of scheduling, which breaks ties between timers due at the same time. */
    long sequence;

    private volatile Runnable action;
    private volatile boolean cancelled;

    Timer(EventLoop loop, long deadline, Runnable action) {
        this.loop = loop;
        this.deadline = deadline;
        this.action = action;
    }

    /**
     * Keeps the callback from running, if it has not run yet, and lets go of it. May be called on
     * any thread.
     */
    public void cancel() {
        boolean pending = action != null;
        cancelled = true;
        action = null;
        if (pending && loop.inLoopThread()) {
            loop.timerCancelled();
        }
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs the callback unless it was cancelled; on the loop's thread. */
    void fire() {
        Runnable run = action;
        action = null;
        if (run != null) {
            run.run();
        }
    }

    @Override
    public int compareTo(Timer other) {
        long difference = deadline - other.deadline;
        if (difference != 0) {
            return difference < 0 ? -1 : 1;
        }
        return Long.compare(sequence, other.sequence);
    }
}
