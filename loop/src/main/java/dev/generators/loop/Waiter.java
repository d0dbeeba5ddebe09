package dev.generators.loop;

import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;

/**
 * Something that waits on a stage and must be resumed on the loop's thread with its outcome: a
 * task's next step, or one part of a {@code gather} or {@code waitFor}. A {@code CompletionStage}
 * may call {@link #accept} on any thread; the loop hands the outcome to {@link #resume} on its own.
 *
 * <p>The outcome is kept in the waiter's fields while it sits in the loop's ready queue, so a
 * wake-up on the loop's thread allocates nothing. A waiter waits on one stage at a time.
 */
abstract class Waiter implements BiConsumer<Object, Throwable> {
    final EventLoop loop;
    Object value;
    Throwable failure;

    Waiter(EventLoop loop) {
        this.loop = loop;
    }

    /** Runs on the loop's thread once the stage waited on has completed. */
    abstract void resume(Object value, Throwable failure);

    @Override
    public final void accept(Object value, Throwable failure) {
        loop.wake(this, value, unwrap(failure));
    }

    /** The exception a stage failed with, as its producer threw it, not wrapped by a dependent stage. */
    static Throwable unwrap(Throwable failure) {
        if (failure instanceof CompletionException && failure.getCause() != null) {
            return failure.getCause();
        }
        return failure;
    }
}
