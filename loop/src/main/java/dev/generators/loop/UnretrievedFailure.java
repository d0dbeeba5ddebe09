package dev.generators.loop;

import java.lang.ref.Cleaner;

/**
 * A task that failed, watched until somebody looks at its failure: a task of the loop that waits on
 * it, or a call of {@code join}, {@code get}, {@code getNow}, {@code whenComplete}, {@code handle} or
 * {@code exceptionally}. If the task is collected first, the failure goes to the loop's exception
 * handler with the task's name: asyncio's "Task exception was never retrieved".
 */
final class UnretrievedFailure implements Runnable {
    /** Watches what the loop reports when it is collected: this, and {@link NeverAwaited}. */
    static final Cleaner CLEANER = Cleaner.create(runnable -> {
        Thread thread = new Thread(runnable, "event-loop-collected-watch");
        thread.setDaemon(true);
        return thread;
    });

    private final EventLoop loop;
    private final String task;
    private final Throwable failure;
    volatile boolean retrieved;

    private UnretrievedFailure(EventLoop loop, String task, Throwable failure) {
        this.loop = loop;
        this.task = task;
        this.failure = failure;
    }

    static UnretrievedFailure watch(Task<?> task, Throwable failure) {
        UnretrievedFailure watch = new UnretrievedFailure(task.loop, task.name(), failure);
        CLEANER.register(task, watch);
        return watch;
    }

    /** The task was collected: report its failure unless it was looked at. */
    @Override
    public void run() {
        if (!retrieved) {
            loop.reportSoon("the exception of " + task + " was never retrieved", failure);
        }
    }
}
