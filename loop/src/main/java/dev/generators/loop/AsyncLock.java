package dev.generators.loop;

import java.util.concurrent.CompletableFuture;

/**
 * A mutual-exclusion lock for the tasks of one loop: asyncio's {@code Lock}. {@link #acquire()}
 * returns a stage to yield, complete once the lock is the task's; {@code async with lock:} is
 *
 * <pre>{@code
 * Yield.value(lock.acquire());
 * try {
 *     ...
 * } finally {
 *     lock.release();
 * }
 * }</pre>
 *
 * <p>The acquire comes before the {@code try}: a task cancelled while it waits never had the lock
 * and must not release it. As in asyncio it is not reentrant and has no owner: any task may
 * release it. Waiters get it in the order they came, and a cancel neither keeps nor loses it, as
 * {@link AsyncSemaphore} explains: this is a bounded semaphore of one permit. Use it on the
 * loop's thread.
 */
public final class AsyncLock {
    private final AsyncSemaphore permit = AsyncSemaphore.bounded(1);
    /**
     * Releases owed by tasks cancelled in an {@link AsyncCondition} wait while another task held
     * the lock: asyncio's task would take the lock back before its {@code async with} released it,
     * but a closed coroutine's {@code finally} can't wait, so its {@code release()} comes while the
     * other task still holds the lock. The next that many releases are theirs, and leave it locked.
     */
    private int owed;

    /**
     * A stage that completes once the lock is this task's: at once if it is free, else when it is
     * released to this task: {@code await lock.acquire()}.
     */
    public CompletableFuture<Void> acquire() {
        return permit.acquire();
    }

    /**
     * Unlocks it, handing it to the first task waiting, if any: {@code lock.release()}.
     *
     * @throws IllegalStateException if it is not locked
     */
    public void release() {
        if (!isLocked()) {
            throw new IllegalStateException("release() of an AsyncLock that is not locked");
        }
        if (owed > 0) {
            owed--;
            return;
        }
        permit.release();
    }

    /** Whether a task holds it, or has been handed it: {@code lock.locked()}. */
    public boolean isLocked() {
        return permit.isLocked();
    }

    /**
     * Takes the lock for a task cancelled in an {@link AsyncCondition} wait, which will release it
     * in its {@code finally}: at once if it is free, else by letting that release leave it locked
     * for the task holding it.
     */
    void retake() {
        if (isLocked()) {
            owed++;
        } else {
            permit.acquire();
        }
    }

    @Override
    public String toString() {
        return "AsyncLock (" + (isLocked() ? "locked" : "unlocked") + ")";
    }
}
