package dev.generators.loop;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A stage by which a task waits in a line of its owner's (an event's waiters, a queue's getters):
 * cancelled while it waits, it leaves the line, so that a line of waits given up does not grow.
 *
 * <p>A task that yields it {@linkplain #follow follows} it: however it completes, it queues the
 * task on the loop, so that the wait costs no callback and no dependent future (see
 * {@link Task}). Anyone else waits on it as on any {@link CompletableFuture}.
 *
 * @param <T> what it completes with
 */
class InLine<T> extends CompletableFuture<T> {
    private static final VarHandle FOLLOWER;

    static {
        try {
            FOLLOWER = MethodHandles.lookup().findVarHandle(InLine.class, "follower", Task.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Collection<?> line;
    /** The task waiting on it, woken when it completes; null if none is. */
    private volatile Task<?> follower;

    /** @param line the line it will wait in; whoever makes it adds it there (null if it overrides {@link #leave}) */
    InLine(Collection<?> line) {
        this.line = line;
    }

    /**
     * Makes {@code task} the one woken when this completes: whether it is (false if it is done
     * already, or another task follows it, which then waits as on any stage).
     */
    final boolean follow(Task<?> task) {
        if (!FOLLOWER.compareAndSet(this, null, task)) {
            return false;
        }
        // Completed meanwhile on another thread: if that took the follower, the task is woken.
        return !isDone() || !FOLLOWER.compareAndSet(this, task, null);
    }

    /** Wakes the task that follows it, once, however it was completed. */
    private void completed() {
        if (follower != null) {
            Task<?> task = (Task<?>) FOLLOWER.getAndSet(this, null);
            if (task != null) {
                task.followedCompleted();
            }
        }
    }

    @Override
    public boolean complete(T value) {
        boolean completed = super.complete(value);
        completed();
        return completed;
    }

    @Override
    public boolean completeExceptionally(Throwable exception) {
        boolean completed = super.completeExceptionally(exception);
        completed();
        return completed;
    }

    @Override
    public void obtrudeValue(T value) {
        super.obtrudeValue(value);
        completed();
    }

    @Override
    public void obtrudeException(Throwable exception) {
        super.obtrudeException(exception);
        completed();
    }

    /** As {@link CompletableFuture#completeAsync}, through {@link #complete}, which wakes the follower. */
    @Override
    public CompletableFuture<T> completeAsync(Supplier<? extends T> supplier, Executor executor) {
        executor.execute(() -> {
            try {
                complete(supplier.get());
            } catch (Throwable failed) {
                completeExceptionally(failed);
            }
        });
        return this;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled) {
            leave();
        }
        completed();
        return cancelled;
    }

    /** Cancelled while it waits: leaves the line (an I/O operation stops waiting on its channel instead, a sleep cancels its timer). */
    void leave() {
        line.remove(this);
    }
}
