package dev.generators.loop;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

/**
 * What {@link Async#gather} returns: the list of its parts' values, or the first failure once the
 * other parts are cancelled; or, for {@link Async#gatherReturningExceptions}, the list of values
 * and exceptions. Its state is touched on the loop's thread only, where each part's outcome
 * arrives.
 */
final class Gathering<T> extends CompletableFuture<List<T>> {
    private final CompletionStage<?>[] parts;
    private final Object[] values;
    private final boolean returnExceptions;
    private int remaining;

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
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled) {
            cancelParts();
        }
        return cancelled;
    }

    private void cancelParts() {
        for (CompletionStage<?> part : parts) {
            if (part instanceof Future) {
                ((Future<?>) part).cancel(false);
            }
        }
    }

    private final class Part extends Waiter {
        private final int index;

        Part(EventLoop loop, int index) {
            super(loop);
            this.index = index;
        }

        @Override
        @SuppressWarnings("unchecked")
        void resume(Object value, Throwable failure) {
            if (isDone()) {
                return;
            }
            if (failure != null && !returnExceptions) {
                // The others first, so that their finally blocks have run when the failure is seen.
                cancelParts();
                Gathering.super.completeExceptionally(failure);
            } else {
                values[index] = failure != null ? failure : value;
                if (--remaining == 0) {
                    Gathering.super.complete((List<T>) Collections.unmodifiableList(Arrays.asList(values)));
                }
            }
        }
    }
}
