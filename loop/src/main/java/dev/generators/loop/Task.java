package dev.generators.loop;

import dev.generators.Coroutine;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

/**
 * A coroutine running on an {@link EventLoop}, and the future of its result: asyncio's
 * {@code Task}. Made by {@link EventLoop#run} or {@link Async#spawn}.
 *
 * <p>The coroutine runs on the loop's thread. Each value it yields is something to wait on: a
 * {@link CompletionStage} (this task is resumed with {@code send(value)} when it completes, or
 * {@code raise(exception)} when it fails), or {@code null} to let the other tasks run first. A
 * {@link CompletableFuture} already complete when yielded resumes it at once, without letting
 * other tasks run first, as asyncio's {@code await} of a done future does not suspend. Any other
 * value is a mistake, and an {@link IllegalStateException} naming it is raised into the coroutine
 * at the yield. When the coroutine returns, the task completes with its result; when it
 * throws, the task completes exceptionally with that exception.
 *
 * <p>{@link #cancel(boolean)} completes the task with a {@link CancellationException} at once,
 * cancels the stage the coroutine waits on, and {@linkplain Coroutine#close() closes} the
 * coroutine on the loop's thread, so that its {@code finally} blocks run: before {@code cancel}
 * returns when it is called on the loop's thread, soon after otherwise. Tasks of the same loop that
 * wait on this one are resumed only after those {@code finally} blocks have run.
 *
 * <p>A task completes only through its coroutine or a cancel: {@link #complete},
 * {@link #completeExceptionally} and the {@code obtrude} methods throw
 * {@link UnsupportedOperationException}.
 *
 * @param <R> the type of the coroutine's result
 */
public final class Task<R> extends CompletableFuture<R> {

    final EventLoop loop;
    private final Coroutine<?, Object, R> coroutine;
    /** Resumes this task's coroutine; what the loop queues and what stages it waits on call back. */
    final Waiter step;
    /** The stage the coroutine waits on, cancelled with this task. */
    private Object awaited;
    /** Waiters on this task from its own loop: null, one {@link Waiter}, or a list of them. */
    private Object waiters;
    /** Whether the coroutine is being resumed or closed right now. */
    private boolean running;
    /** Whether the coroutine has ended, or was closed: from here on only its outcome matters. */
    boolean finished;

    private Object result;
    private Throwable failure;
    /** The loop's list of tasks started and not finished. */
    Task<?> previous;

    Task<?> next;

    @SuppressWarnings("unchecked")
    Task(EventLoop loop, Coroutine<?, ?, R> coroutine) {
        this.loop = loop;
        this.coroutine = (Coroutine<?, Object, R>) coroutine;
        this.step = new Step();
    }

    /**
     * Cancels the task: completes it with a {@link CancellationException}, cancels the stage it
     * waits on (if that is a {@link Future}), and closes its coroutine, so that GeneratorExit is
     * thrown at the pending yield and the coroutine's {@code finally} blocks run. On the loop's
     * thread all that is done before this returns; on another thread the close is left to the
     * loop. A task that cancels itself is closed when it next yields.
     *
     * @param mayInterruptIfRunning ignored: a task is closed, never interrupted
     * @return whether this call cancelled the task; false if it had already completed
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        if (!super.cancel(mayInterruptIfRunning)) {
            return false;
        }
        if (loop.inLoopThread()) {
            if (!running) {
                close();
            }
        } else {
            loop.offer((Runnable) this::closeIfNotRunning);
        }
        return true;
    }

    /** Not supported: a task completes when its coroutine does. Use {@link #cancel}. */
    @Override
    public boolean complete(R value) {
        throw completedFromOutside();
    }

    /** Not supported: a task completes when its coroutine does. Use {@link #cancel}. */
    @Override
    public boolean completeExceptionally(Throwable exception) {
        throw completedFromOutside();
    }

    /** Not supported: a task completes when its coroutine does. */
    @Override
    public void obtrudeValue(R value) {
        throw completedFromOutside();
    }

    /** Not supported: a task completes when its coroutine does. */
    @Override
    public void obtrudeException(Throwable exception) {
        throw completedFromOutside();
    }

    @Override
    public String toString() {
        String state = finished
                ? (failure == null ? "done" : isCancelled() ? "cancelled" : "failed: " + failure)
                : running
                        ? "running"
                        : isCancelled() ? "cancelling" : awaited != null ? "waiting on " + awaited : "ready";
        return name() + " (" + state + ")";
    }

    /** {@code task of generator example.Crawler.fetch}: the coroutine's name without its state. */
    private String name() {
        return "task of " + String.valueOf(coroutine).replaceFirst(" \\((not started|suspended|running|done)\\)$", "");
    }

    // ---- on the loop's thread ----

    /**
     * Resumes the coroutine with the outcome of what it waited on, and waits on what it yields
     * next. A stage already complete when yielded resumes it at once, without letting other tasks
     * run first, as asyncio's {@code await} of a done future does not suspend.
     */
    private void step(Object value, Throwable thrown) {
        if (finished) {
            return;
        }
        if (isDone()) {
            // Cancelled from another thread before the loop got to close it.
            close();
            return;
        }
        claim(awaited);
        awaited = null;
        Task<?> outer = loop.current;
        loop.current = this;
        try {
            for (; ; ) {
                Object yielded;
                running = true;
                try {
                    yielded = thrown == null ? coroutine.send(value) : coroutine.raise(thrown);
                } catch (NoSuchElementException end) {
                    running = false;
                    finish(end);
                    return;
                } catch (Throwable escaped) {
                    running = false;
                    finish(null, escaped);
                    return;
                }
                running = false;
                if (isDone()) {
                    // It cancelled itself: what it yielded is not waited on.
                    awaited = yielded;
                    close();
                    return;
                }
                if (yielded == this || !isComplete(yielded)) {
                    waitOn(yielded);
                    return;
                }
                if (yielded instanceof Task && ((Task<?>) yielded).loop == loop) {
                    value = ((Task<?>) yielded).result;
                    thrown = ((Task<?>) yielded).failure;
                } else {
                    claim(yielded);
                    value = null;
                    thrown = null;
                    try {
                        value = ((CompletableFuture<?>) yielded).getNow(null);
                    } catch (CompletionException failed) {
                        thrown = Waiter.unwrap(failed);
                    } catch (CancellationException cancelled) {
                        thrown = cancelled;
                    }
                }
            }
        } finally {
            loop.current = outer;
        }
    }

    /**
     * A permit, lock or queue element handed to this task is its own once the task resumes with
     * it; until then a cancel gives it back (see {@link Claimable}).
     */
    private static void claim(Object stage) {
        if (stage instanceof Claimable) {
            ((Claimable) stage).claim();
        }
    }

    /** Whether {@code yielded} has completed already; a task of this loop, once its coroutine has ended. */
    private boolean isComplete(Object yielded) {
        if (yielded instanceof Task && ((Task<?>) yielded).loop == loop) {
            return ((Task<?>) yielded).finished;
        }
        return yielded instanceof CompletableFuture && ((CompletableFuture<?>) yielded).isDone();
    }

    private void waitOn(Object yielded) {
        if (yielded == null) {
            loop.wake(step, null, null);
        } else if (yielded == this) {
            loop.wake(
                    step,
                    null,
                    new IllegalStateException(name() + " yielded itself: a task can't wait for its own end"));
        } else if (yielded instanceof CompletionStage) {
            awaited = yielded;
            loop.whenDone((CompletionStage<?>) yielded, step);
        } else {
            loop.wake(step, null, badYield(yielded));
        }
    }

    private IllegalStateException badYield(Object yielded) {
        if (yielded instanceof Coroutine) {
            return new IllegalStateException(name() + " yielded the coroutine " + yielded + " with Yield.value:"
                    + " run it inside this task with Yield.all(coroutine), or concurrently with"
                    + " Async.spawn(coroutine) and yield the Task it returns");
        }
        String shown = String.valueOf(yielded);
        if (shown.length() > 80) {
            shown = shown.substring(0, 77) + "...";
        }
        return new IllegalStateException(
                name() + " yielded " + shown + " (" + yielded.getClass().getName() + "),"
                        + " which the event loop can't wait on: yield a CompletionStage (a CompletableFuture, a Task,"
                        + " Async.sleep(...)), or null to let the other tasks run; run a coroutine with Yield.all");
    }

    /** The coroutine ended by throwing {@code end}: by returning, if it has a result. */
    private void finish(NoSuchElementException end) {
        if (coroutine.isDone()) {
            R value;
            try {
                value = coroutine.result();
            } catch (IllegalStateException noResult) {
                // It ended by throwing the NoSuchElementException itself.
                finish(null, end);
                return;
            }
            finish(value, null);
        } else {
            finish(null, end);
        }
    }

    private void finish(R value, Throwable thrown) {
        finished = true;
        loop.forget(this);
        boolean completed = thrown == null ? super.complete(value) : super.completeExceptionally(thrown);
        if (completed) {
            result = value;
            failure = thrown;
        } else {
            // Cancelled meanwhile: those waiting on it see the cancel, as those outside do.
            failure = cancelled();
        }
        wakeWaiters();
    }

    /** Closes a cancelled task's coroutine, unless that is left to the step it is in. */
    private void closeIfNotRunning() {
        if (!running) {
            close();
        }
    }

    /**
     * Cancels the task, and the stage it waits on, then closes the coroutine, then wakes the tasks
     * waiting on this one. What a cancel comes to on the loop's thread, and how the loop ends
     * the tasks left when it shuts down.
     */
    void close() {
        if (finished) {
            return;
        }
        finished = true;
        super.cancel(false);
        Object waitedOn = awaited;
        awaited = null;
        Task<?> outer = loop.current;
        loop.current = this;
        running = true;
        try {
            if (waitedOn instanceof Future) {
                ((Future<?>) waitedOn).cancel(false);
            }
            coroutine.close();
        } catch (Throwable thrown) {
            loop.report("closing the cancelled " + name(), thrown);
        } finally {
            running = false;
            loop.current = outer;
            loop.forget(this);
            failure = cancelled();
            wakeWaiters();
        }
    }

    private CancellationException cancelled() {
        return new CancellationException(name() + " was cancelled");
    }

    /** The exception the finished coroutine threw, as it threw it, or the cancel; null if it returned. */
    Throwable failure() {
        return failure;
    }

    /** Resumes {@code waiter} with this task's outcome once it has finished: at once if it has. */
    void addWaiter(Waiter waiter) {
        if (finished) {
            loop.wake(waiter, result, failure);
        } else if (waiters == null) {
            waiters = waiter;
        } else if (waiters instanceof Waiter) {
            List<Waiter> list = new ArrayList<>(4);
            list.add((Waiter) waiters);
            list.add(waiter);
            waiters = list;
        } else {
            @SuppressWarnings("unchecked")
            List<Waiter> list = (List<Waiter>) waiters;
            list.add(waiter);
        }
    }

    private void wakeWaiters() {
        Object all = waiters;
        waiters = null;
        if (all instanceof Waiter) {
            loop.wake((Waiter) all, result, failure);
        } else if (all != null) {
            @SuppressWarnings("unchecked")
            List<Waiter> list = (List<Waiter>) all;
            for (Waiter waiter : list) {
                loop.wake(waiter, result, failure);
            }
        }
    }

    private static UnsupportedOperationException completedFromOutside() {
        return new UnsupportedOperationException(
                "a Task completes when its coroutine returns or throws: cancel() it instead");
    }

    private final class Step extends Waiter {
        Step() {
            super(Task.this.loop);
        }

        @Override
        void resume(Object value, Throwable failure) {
            step(value, failure);
        }
    }
}
