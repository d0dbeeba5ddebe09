package dev.generators.loop;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

/**
 * What {@link Async#waitFor} returns: the outcome of its stage, or an {@link AsyncTimeoutException}
 * once the stage, cancelled for taking too long, has ended cancelled: asyncio's {@code wait_for}.
 * A task that handles the cancel and returns a value anyway gives that value, as there. A time of
 * zero or less cancels the stage at once: a coroutine's task never starts. Cancelling this future
 * cancels the stage, and it completes, cancelled, when the stage has ended.
 */
final class TimeLimit<T> extends CompletableFuture<T> implements Claimable {
    private final CompletionStage<?> inner;
    private final Duration timeout;
    private final Timer timer;
    /** The time ran out, and the stage was cancelled for it. */
    private boolean expired;
    /** This future was cancelled, and waits for the stage to end. */
    private boolean cancelRequested;
    /** Whether the task resumed with the outcome: a cancel after that no longer gives it back. */
    private boolean claimed;
    /** Whether a gather holds it, and claims it or gives it back: see {@link Claimable#heldByClaimer()}. */
    private boolean heldByClaimer;

    TimeLimit(EventLoop loop, CompletionStage<?> inner, Duration timeout) {
        this.inner = inner;
        if (inner instanceof Claimable) {
            // Claimed when this is: by the task that resumes with it, or at the turn after it completes.
            ((Claimable) inner).heldByClaimer();
        }
        this.timeout = timeout;
        boolean noTime = timeout.isNegative() || timeout.isZero();
        this.timer = noTime ? null : loop.callLater(timeout, this::expire);
        loop.whenDone(inner, new Waiter(loop) {
            @Override
            @SuppressWarnings("unchecked")
            void resume(Object value, Throwable failure) {
                if (timer != null) {
                    timer.cancel();
                }
                if (expired && !cancelRequested && failure instanceof CancellationException) {
                    failure = timedOut(failure);
                }
                if (failure != null) {
                    TimeLimit.super.completeExceptionally(failure);
                } else {
                    TimeLimit.super.complete((T) value);
                    if (!heldByClaimer) {
                        // After the task that yields it, if one does, has resumed and claimed it.
                        loop.execute(TimeLimit.this::claim);
                    }
                }
            }
        });
        if (noTime && !(inner instanceof Future && ((Future<?>) inner).isDone())) {
            expire();
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        if (isDone()) {
            if (!claimed && !isCompletedExceptionally()) {
                // Completed, but its task was cancelled before it resumed: what the inner stage
                // handed over goes back.
                claimed = true;
                if (inner instanceof Future) {
                    ((Future<?>) inner).cancel(false);
                }
            }
            return false;
        }
        if (cancelRequested) {
            return true;
        }
        cancelRequested = true;
        if (timer != null) {
            timer.cancel();
        }
        if (!(inner instanceof Future)) {
            return super.cancel(mayInterruptIfRunning);
        }
        // Done when the stage has ended, as its cancel may take the task's cleanup to do.
        ((Future<?>) inner).cancel(false);
        return true;
    }

    @Override
    public void heldByClaimer() {
        heldByClaimer = true;
    }

    /** Passes the claim on to the inner stage: a socket's bytes, a permit, a queue's element are the task's now. */
    @Override
    public void claim() {
        claimed = true;
        if (inner instanceof Claimable) {
            ((Claimable) inner).claim();
        }
    }

    private void expire() {
        if (isDone() || cancelRequested) {
            return;
        }
        expired = true;
        if (inner instanceof Future) {
            // Failed once the stage has ended, so that its finally blocks have run when the timeout is seen:
            // at once for a future that a cancel completes, when it ends for a task.
            Future<?> future = (Future<?>) inner;
            future.cancel(false);
            if (future.isCancelled()) {
                super.completeExceptionally(timedOut(null));
            }
        } else {
            super.completeExceptionally(timedOut(null));
        }
    }

    private AsyncTimeoutException timedOut(Throwable cause) {
        return new AsyncTimeoutException("timed out after " + timeout.toMillis() + " ms", cause);
    }
}
