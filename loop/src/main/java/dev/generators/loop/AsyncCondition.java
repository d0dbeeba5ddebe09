package dev.generators.loop;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * A condition variable for the tasks of one loop: asyncio's {@code Condition}. Tasks holding its
 * lock wait for a change with {@link #waitFor()}, which releases the lock while they wait and takes
 * it back before they resume; the task that makes the change wakes them with {@link #signal()} or
 * {@link #signalAll()} while it holds the lock. {@code async with cond:} is
 *
 * <pre>{@code
 * Yield.value(cond.acquire());
 * try {
 *     Yield.value(cond.waitUntil(() -> !items.isEmpty()));   // await cond.wait_for(lambda: items)
 *     ...
 * } finally {
 *     cond.release();
 * }
 * }</pre>
 *
 * <p>The names are not asyncio's where {@link Object} has taken them: {@code wait()} is
 * {@link #waitFor()}, as for {@link AsyncEvent}, {@code notify(n)} is {@link #signal(int)} and
 * {@code notify_all()} is {@link #signalAll()}, as in {@link java.util.concurrent.locks.Condition}.
 * asyncio's {@code wait_for(predicate)} is {@link #waitUntil(BooleanSupplier)}: the predicate is
 * tested with the lock held, as there, and a stage is returned to yield, as the loop of waits it
 * stands for runs inside the condition.
 *
 * <p>A waiter woken gets the lock back in its turn, behind the tasks already waiting for it. One
 * cancelled while it waits takes the lock back too, as asyncio's does before it raises
 * {@code CancelledError}, so that the {@code finally} that releases it is right: at once if the
 * lock is free, else by making that release leave the lock with the task that holds it. So the
 * wait belongs inside the {@code try}. A waiter woken by {@code signal} and cancelled before it
 * resumed hands its wake-up on to the next waiter, as asyncio's does since 3.13: a signal is never
 * lost to a cancel.
 *
 * <p>Yield the wait directly: a {@code gather} or {@code Async.waitFor} around it completes before
 * the lock is back when it fails or times out. For a time limit use {@link #waitFor(Duration)} or
 * {@link #waitUntil(BooleanSupplier, Duration)}, which get the lock back first. Use it on the
 * loop's thread.
 */
public final class AsyncCondition {
    private final AsyncLock lock;
    /** The waits not yet woken, in the order they came; a cancelled one removes itself. */
    private final LinkedHashSet<Wait> waiters = new LinkedHashSet<>();

    /** A condition with a lock of its own: {@code asyncio.Condition()}. */
    public AsyncCondition() {
        this(new AsyncLock());
    }

    /**
     * A condition on {@code lock}, which other conditions may share: {@code asyncio.Condition(lock)}.
     */
    public AsyncCondition(AsyncLock lock) {
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /** A stage that completes once the lock is this task's: {@code await cond.acquire()}. */
    public CompletableFuture<Void> acquire() {
        return lock.acquire();
    }

    /**
     * Unlocks the lock: {@code cond.release()}.
     *
     * @throws IllegalStateException if it is not locked
     */
    public void release() {
        lock.release();
    }

    /** Whether the lock is held: {@code cond.locked()}. */
    public boolean isLocked() {
        return lock.isLocked();
    }

    /** The lock, given or made. */
    public AsyncLock lock() {
        return lock;
    }

    /**
     * Releases the lock, and returns a stage that completes with {@code true} once this task has
     * been woken by a {@link #signal} and has the lock again: {@code await cond.wait()}. As there,
     * the state waited for may have changed again by then: test it in a loop, or use
     * {@link #waitUntil(BooleanSupplier)}.
     *
     * @throws IllegalStateException if the lock is not held
     */
    public CompletableFuture<Boolean> waitFor() {
        return start("waitFor()", null, null);
    }

    /**
     * As {@link #waitFor()}, but gives up waiting for a signal after {@code timeout}: the stage
     * completes, with the lock held again in either case, with {@code true} if the task was woken,
     * {@code false} if time ran out: {@code threading.Condition.wait(timeout)}, which asyncio
     * writes {@code wait_for(cond.wait(), timeout)}.
     *
     * @throws IllegalStateException if the lock is not held
     */
    public CompletableFuture<Boolean> waitFor(Duration timeout) {
        return start("waitFor(timeout)", null, Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * Waits, as {@link #waitFor()} does, until {@code predicate} is true: {@code await
     * cond.wait_for(predicate)}. The predicate is tested with the lock held, first at once (if it
     * is true the stage is complete and the lock was never released), then each time the task has
     * been woken and has the lock again. The stage completes with {@code true}, the lock held; if
     * the predicate throws, it fails with that exception, the lock held.
     *
     * @throws IllegalStateException if the lock is not held
     */
    public CompletableFuture<Boolean> waitUntil(BooleanSupplier predicate) {
        return start("waitUntil(predicate)", Objects.requireNonNull(predicate, "predicate"), null);
    }

    /**
     * As {@link #waitUntil(BooleanSupplier)}, but gives up after {@code timeout}: the stage then
     * completes with the predicate's value, tested once more with the lock held again:
     * {@code threading.Condition.wait_for(predicate, timeout)}.
     *
     * @throws IllegalStateException if the lock is not held
     */
    public CompletableFuture<Boolean> waitUntil(BooleanSupplier predicate, Duration timeout) {
        return start(
                "waitUntil(predicate, timeout)",
                Objects.requireNonNull(predicate, "predicate"),
                Objects.requireNonNull(timeout, "timeout"));
    }

    private CompletableFuture<Boolean> start(String method, BooleanSupplier predicate, Duration timeout) {
        requireLocked(method);
        if (predicate != null && predicate.getAsBoolean()) {
            return CompletableFuture.completedFuture(true);
        }
        Wait wait = new Wait(EventLoop.current(), predicate);
        waiters.add(wait);
        lock.release();
        if (timeout != null) {
            wait.timer = wait.loop.callLater(timeout, wait::expire);
        }
        return wait;
    }

    /** Wakes the first task waiting, if any: {@code cond.notify()}. */
    public void signal() {
        signal(1);
    }

    /**
     * Wakes the first {@code n} tasks waiting, or all if fewer wait: {@code cond.notify(n)}. Each
     * resumes once it has the lock again, so after the caller releases it.
     *
     * @throws IllegalStateException if the lock is not held
     */
    public void signal(int n) {
        requireLocked("signal()");
        wake(n);
    }

    /** Wakes every task waiting: {@code cond.notify_all()}. */
    public void signalAll() {
        requireLocked("signalAll()");
        wake(waiters.size());
    }

    /** The number of tasks waiting to be woken. */
    public int waiting() {
        return waiters.size();
    }

    private void requireLocked(String method) {
        if (!lock.isLocked()) {
            throw new IllegalStateException(method + " of an AsyncCondition whose lock is not held");
        }
    }

    private void wake(int n) {
        int count = Math.min(n, waiters.size());
        if (count <= 0) {
            return;
        }
        // Taken out first: asking for the lock may complete a stage, whose callbacks run at once.
        Wait[] woken = new Wait[count];
        int i = 0;
        for (Wait wait : waiters) {
            if (i == count) {
                break;
            }
            woken[i++] = wait;
        }
        for (Wait wait : woken) {
            waiters.remove(wait);
        }
        for (Wait wait : woken) {
            wait.signalled = true;
            wait.reacquire();
        }
    }

    @Override
    public String toString() {
        return "AsyncCondition (" + (isLocked() ? "locked" : "unlocked")
                + (waiters.isEmpty() ? "" : ", " + waiters.size() + " waiting") + ")";
    }

    /**
     * What a wait returns. Its task claims it when it resumes with it ({@link Claimable}); until
     * then a cancel takes the lock back for the task's {@code finally}, and hands on a signal.
     */
    private final class Wait extends CompletableFuture<Boolean> implements Claimable {
        final EventLoop loop;
        private final BooleanSupplier predicate;
        Timer timer;
        /** Whether time ran out while it waited to be woken. */
        private boolean timedOut;
        /** Whether it was woken by a signal that it has not yet used up: a cancel hands it on. */
        boolean signalled;
        /** The lock asked for again, once woken, until this wait has it; null while it waits to be woken. */
        private CompletableFuture<Void> relock;

        private boolean claimed;

        Wait(EventLoop loop, BooleanSupplier predicate) {
            this.loop = loop;
            this.predicate = predicate;
        }

        /** Woken, by a signal or the timeout: asks for the lock, and goes on once it has it. */
        void reacquire() {
            CompletableFuture<Void> asked = lock.acquire();
            relock = asked;
            // At once when the lock is handed over, not a turn later: the task resumes at the next
            // turn after the release, as a lock's waiter does.
            asked.whenComplete((value, failure) -> {
                if (relock == asked && !isDone() && failure == null) {
                    relocked();
                }
            });
        }

        /** The lock is this wait's again: done, or (a predicate still false) wait again. */
        private void relocked() {
            claimLock();
            if (predicate == null) {
                finish(!timedOut);
                return;
            }
            boolean ready;
            try {
                ready = predicate.getAsBoolean();
            } catch (Throwable thrown) {
                cancelTimer();
                completeExceptionally(thrown);
                return;
            }
            if (ready || timedOut) {
                finish(ready);
                return;
            }
            // The signal is used up; wait for the next, still in time if there is a limit.
            signalled = false;
            waiters.add(this);
            lock.release();
        }

        private void claimLock() {
            if (relock instanceof Claimable) {
                ((Claimable) relock).claim();
            }
            relock = null;
        }

        private void finish(boolean result) {
            cancelTimer();
            complete(result);
        }

        void expire() {
            if (waiters.remove(this)) {
                timedOut = true;
                reacquire();
            }
        }

        private void cancelTimer() {
            if (timer != null) {
                timer.cancel();
            }
        }

        @Override
        public void claim() {
            claimed = true;
            signalled = false;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (!super.cancel(mayInterruptIfRunning)) {
                if (!claimed) {
                    // Had the lock back, but not resumed: it keeps the lock for its finally.
                    claimed = true;
                    handOn();
                }
                return false;
            }
            cancelTimer();
            if (waiters.remove(this)) {
                // Never woken: it takes the lock back, for its finally to release.
                lock.retake();
            } else if (relock != null) {
                if (relock.isDone() && !relock.isCancelled()) {
                    // Handed the lock, but not yet gone on with it: it is the task's.
                    claimLock();
                } else {
                    relock.cancel(false);
                    relock = null;
                    lock.retake();
                }
            }
            handOn();
            return true;
        }

        /** A signal this wait had, but won't go on with, goes to the next waiter. */
        private void handOn() {
            if (signalled) {
                signalled = false;
                wake(1);
            }
        }
    }
}
