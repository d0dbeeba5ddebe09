package dev.generators.loop;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

/**
 * What {@link Async#gather} returns: the list of its parts' values, or the first failure once the
 * other parts, cancelled, have ended; or, for {@link Async#gatherReturningExceptions}, the list of
 * values and exceptions. Its state is touched on the loop's thread only, where each part's outcome
 * arrives.
 *
 * <p>A cancel, as asyncio's gather's, cancels the parts not done and completes, cancelled, once
 * they have ended; if every part is done already, it is refused, and the results are kept.
 *
 * <p>What a part hands out that must not be lost (a permit, a queue's element, a socket's bytes:
 * a {@link Claimable} part) is the gather's task's once the task resumes with the list, and given
 * back if the gather fails or is cancelled, or if its task is cancelled before it resumes (the
 * task's cancel cancels the gather, which then gives the parts back although it refuses the
 * cancel). A gather that no task yields claims its parts at the loop's turn after it completes,
 * unless a {@code waitFor} holds it, which claims it as a task would.
 */
final class Gathering<T> extends CompletableFuture<List<T>> implements Claimable {
    private final EventLoop loop;
    private final CompletionStage<?>[] parts;
    private final Object[] values;
    private final boolean returnExceptions;
    private int remaining;
    /** The first failure of a part, which the others are cancelled for. */
    private Throwable firstFailure;

    private boolean cancelRequested;
    /** Whether the parts' things are the task's now, or were given back. */
    private boolean claimed;
    /** Whether a {@code waitFor} holds it, and claims it or gives it back: see {@link Claimable#heldByClaimer()}. */
    private boolean heldByClaimer;

    Gathering(EventLoop loop, CompletionStage<?>[] parts, boolean returnExceptions) {
        this.loop = loop;
        this.parts = parts;
        this.returnExceptions = returnExceptions;
        this.values = new Object[parts.length];
        this.remaining = parts.length;
        if (parts.length == 0) {
            super.complete(Collections.<T>emptyList());
        }
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] instanceof Claimable) {
                ((Claimable) parts[i]).heldByClaimer();
            }
            loop.whenDone(parts[i], new Part(loop, i));
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        if (isDone()) {
            // Refused, as asyncio's, but what the parts handed out goes back if the task did not take it.
            giveBack();
            return false;
        }
        boolean any = cancelParts();
        if (any) {
            cancelRequested = true;
        }
        return any;
    }

    /** The task resumed with the list: what the parts handed out is the task's. */
    @Override
    public void claim() {
        if (!claimed) {
            claimed = true;
            for (CompletionStage<?> part : parts) {
                if (part instanceof Claimable) {
                    ((Claimable) part).claim();
                }
            }
        }
    }

    @Override
    public void heldByClaimer() {
        heldByClaimer = true;
    }

    /** Gives back what the parts handed out and nobody took: a cancel of a part that is done does that. */
    private void giveBack() {
        if (!claimed) {
            claimed = true;
            for (CompletionStage<?> part : parts) {
                if (part instanceof Claimable && part instanceof Future) {
                    ((Future<?>) part).cancel(false);
                }
            }
        }
    }

    /** Cancels the parts not done; whether any took the cancel. */
    private boolean cancelParts() {
        boolean any = false;
        for (CompletionStage<?> part : parts) {
            if (part instanceof Future && ((Future<?>) part).cancel(false)) {
                any = true;
            }
        }
        return any;
    }

    private final class Part extends Waiter {
        private final int index;

        Part(EventLoop loop, int index) {
            super(loop);
            this.index = index;
        }

        @Override
        @SuppressWarnings("unchecked")
        void resume(Object value, Throwable thrown) {
            if (isDone()) {
                return;
            }
            if (thrown != null && !returnExceptions && !cancelRequested && firstFailure == null) {
                // The others are cancelled, and the failure seen once their finally blocks have run.
                firstFailure = thrown;
                cancelParts();
            }
            values[index] = thrown != null ? thrown : value;
            if (--remaining > 0) {
                return;
            }
            if (cancelRequested) {
                giveBack();
                Gathering.super.completeExceptionally(new CancellationException("gather was cancelled"));
            } else if (firstFailure != null) {
                giveBack();
                Gathering.super.completeExceptionally(firstFailure);
            } else {
                Gathering.super.complete((List<T>) Collections.unmodifiableList(Arrays.asList(values)));
                if (!heldByClaimer) {
                    // After the task that yields it, if one does, has resumed and claimed them.
                    loop.execute(Gathering.this::claim);
                }
            }
        }
    }
}
