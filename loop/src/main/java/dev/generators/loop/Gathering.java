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
 */
final class Gathering<T> extends CompletableFuture<List<T>> {
    private final CompletionStage<?>[] parts;
    private final Object[] values;
    private final boolean returnExceptions;
    private int remaining;
    /** The first failure of a part, which the others are cancelled for. */
    private Throwable firstFailure;

    private boolean cancelRequested;

    Gathering(EventLoop loop, CompletionStage<?>[] parts, boolean returnExceptions) {
        this.parts = parts;
        this.returnExceptions = returnExceptions;
        this.values = new Object[parts.length];
        this.remaining = parts.length;
        if (parts.length == 0) {
            super.complete(Collections.<T>emptyList());
        }
        for (int i = 0; i < parts.length; i++) {
            loop.whenDone(parts[i], new Part(loop, i));
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        if (isDone()) {
            return false;
        }
        boolean any = cancelParts();
        if (any) {
            cancelRequested = true;
        }
        return any;
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
                Gathering.super.completeExceptionally(new CancellationException("gather was cancelled"));
            } else if (firstFailure != null) {
                Gathering.super.completeExceptionally(firstFailure);
            } else {
                Gathering.super.complete((List<T>) Collections.unmodifiableList(Arrays.asList(values)));
            }
        }
    }
}
