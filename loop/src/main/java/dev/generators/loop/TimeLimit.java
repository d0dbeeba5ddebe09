package dev.generators.loop;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

/**
 * What {@link Async#waitFor} returns: the outcome of its stage, or an {@link AsyncTimeoutException}
 * once the stage has been cancelled for taking too long.
 */
final class TimeLimit<T> extends CompletableFuture<T> implements Claimable {
    private final CompletionStage<?> inner;
    private final Duration timeout;
    private final Timer timer;
    /** Whether the task resumed with the outcome: a cancel after that no longer gives it back. */
    private boolean claimed;

    TimeLimit(EventLoop loop, CompletionStage<?> inner, Duration timeout) {
        this.inner = inner;
        this.timeout = timeout;
        this.timer = loop.callLater(timeout, this::expire);
        loop.whenDone(inner, new Waiter(loop) {
            @Override
            @SuppressWarnings("unchecked")
            void resume(Object value, Throwable failure) {
                timer.cancel();
                if (failure != null) {
                    TimeLimit.super.completeExceptionally(failure);
                } else {
                    TimeLimit.super.complete((T) value);
                }
            }
        });
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled) {
            timer.cancel();
            cancelInner();
        } else if (!claimed && !isCompletedExceptionally()) {
            // Completed, but its task was cancelled before it resumed: what the inner stage handed over goes back.
            claimed = true;
            cancelInner();
        }
        return cancelled;
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
        if (isDone()) {
            return;
        }
        // The inner first, so that its finally blocks have run when the timeout is seen.
        cancelInner();
        super.completeExceptionally(new AsyncTimeoutException("timed out after " + timeout.toMillis() + " ms"));
    }

    private void cancelInner() {
        if (inner instanceof Future) {
            ((Future<?>) inner).cancel(false);
        }
    }
}
