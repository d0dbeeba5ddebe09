package dev.generators.loop;

import dev.generators.Coroutine;
import java.util.ArrayList;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

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
 * <p>{@link #cancel(boolean)} asks the task to stop, as asyncio's {@code Task.cancel()} does: it
 * cancels the stage the coroutine waits on, and a {@link CancelledError} is thrown at the pending
 * yield. The body's {@code catch} and {@code finally} blocks see it there, and may yield and wait
 * before the task ends. If the error propagates, the task ends cancelled: its future completes
 * with a {@link CancellationException}, for those who wait on it inside the loop or outside. A body
 * that catches it and goes on is not cancelled; {@link #cancelling()} still counts the request
 * until {@link #uncancel()}.
 *
 * <p>A task completes only through its coroutine: {@link #complete},
 * {@link #completeExceptionally} and the {@code obtrude} methods throw
 * {@link UnsupportedOperationException}.
 *
 * @param <R> the type of the coroutine's result
 */
public final class Task<R> extends CompletableFuture<R> {

    final EventLoop loop;
    private final Coroutine<?, Object, R> coroutine;
    /**
     * Resumes this task's coroutine with the outcome of a stage that is none of the loop's own (a
     * {@link Waiter} is that stage's callback), made when first needed. The loop's own stages
     * ({@link InLine}) and its tasks wake this task by queuing the task itself, which then takes the
     * outcome from the stage it waits on: a task waiting on a read costs no callback object.
     */
    private Waiter step;
    /** The stage the coroutine waits on, cancelled with this task. */
    private Object awaited;
    /**
     * Waiters on this task from its own loop: null, one {@link Waiter}, {@code Task} or
     * {@link StreamTransport}, or a list of them.
     */
    private Object waiters;
    /** Whether the coroutine is being resumed or closed right now. */
    private boolean running;
    /** Whether the coroutine has ended, or was closed: from here on only its outcome matters. */
    boolean finished;

    /** The cancels asked for and not {@linkplain #uncancel() taken back}: asyncio's {@code cancelling()}. */
    private int cancelRequests;
    /** A cancel is to be thrown at the next resume, whatever the stage waited on brings. */
    private boolean mustCancel;
    /**
     * This task's cancel cancelled the stage it waits on: if that ends in a
     * {@link CancellationException}, the task gets a {@link CancelledError} instead.
     */
    private boolean cancelledAwaited;
    /** What to throw at the next cancel's delivery instead of a {@link CancelledError} (a task group's failure). */
    private Throwable interruption;
    /** The {@link Async#timeout} scopes open in this task, innermost last; null while none was opened. */
    ArrayList<Timeout> scopes;
    /** The task's context values: copied (shared until changed) from the task that spawned it. */
    TaskLocal.Values locals;

    private Object result;
    private Throwable failure;
    /** A failure nobody waited for, reported if the task is collected before somebody looks. */
    private UnretrievedFailure unretrieved;
    /** The loop's list of tasks started and not finished. */
    Task<?> previous;

    Task<?> next;

    @SuppressWarnings("unchecked")
    Task(EventLoop loop, Coroutine<?, ?, R> coroutine) {
        this.loop = loop;
        this.coroutine = (Coroutine<?, Object, R>) coroutine;
        this.locals = TaskLocal.inherited();
    }

    /**
     * Asks the task to stop: asyncio's {@code task.cancel()}. The stage it waits on is cancelled
     * (if it is a {@link Future}), and a {@link CancelledError} is thrown at its pending yield when
     * it resumes, at once if it is not running (at its next yield if it cancels itself); a task
     * that has not started ends without running its body. The task ends cancelled if the error
     * propagates out of its coroutine, which may first yield and wait in its {@code finally}
     * blocks; it is not cancelled if the coroutine catches the error and returns.
     *
     * <p>Called on another thread, the request is handed to the loop.
     *
     * @param mayInterruptIfRunning ignored: a task is never interrupted
     * @return false if the task had already completed (or the loop is closed), true otherwise,
     *     also if a cancel was already asked for
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        if (loop.inLoopThread()) {
            return requestCancel();
        }
        return !isDone() && loop.offer((Runnable) this::requestCancel);
    }

    /** {@link #cancel(boolean) cancel(false)}: asyncio's {@code task.cancel()}. */
    public boolean cancel() {
        return cancel(false);
    }

    /**
     * The number of cancels asked for and not taken back with {@link #uncancel()}: asyncio's
     * {@code task.cancelling()}. A task that catches a {@link CancelledError} still counts it: code
     * that handles a cancel of its own making (a timeout, a task group) takes it back. On the
     * loop's thread only.
     */
    public int cancelling() {
        loop.requireLoopThread("Task.cancelling()");
        return cancelRequests;
    }

    /**
     * Takes back one cancel request: asyncio's {@code task.uncancel()}. When none is left, a cancel
     * asked for but not yet thrown at the task's yield is dropped. On the loop's thread only.
     *
     * @return the number of requests left
     */
    public int uncancel() {
        loop.requireLoopThread("Task.uncancel()");
        if (cancelRequests > 0 && --cancelRequests == 0 && interruption == null) {
            mustCancel = false;
        }
        return cancelRequests;
    }

    /** The cancel of this task, on the loop's thread. */
    boolean requestCancel() {
        if (finished) {
            return false;
        }
        cancelRequests++;
        return stopAtYield();
    }

    /**
     * Throws {@code exception} at the task's pending yield instead of a cancel, as a cancel is
     * delivered: what a task group does to its body when a task of the group fails.
     */
    void interrupt(Throwable exception) {
        if (finished) {
            return;
        }
        interruption = exception;
        stopAtYield();
    }

    /** asyncio's way: cancel the stage waited on, or else throw the cancel at the next resume. */
    private boolean stopAtYield() {
        if (!running && awaited instanceof Future && cancelStage(awaited)) {
            cancelledAwaited = true;
            return true;
        }
        mustCancel = true;
        return true;
    }

    private boolean cancelStage(Object stage) {
        try {
            return ((Future<?>) stage).cancel(false);
        } catch (RuntimeException refused) {
            // A stage that can't be cancelled (a minimalCompletionStage): the cancel waits for its end.
            return false;
        }
    }

    /**
     * The exception a cancel is delivered as: the task group's failure that interrupts the body;
     * an {@link AsyncTimeoutException} if the innermost timeout scope that has expired asked for
     * every cancel pending since it opened (which it then takes back, as asyncio's does at the end
     * of its block); else a {@link CancelledError}.
     */
    private Throwable cancelError() {
        if (interruption != null) {
            Throwable thrown = interruption;
            interruption = null;
            return thrown;
        }
        if (scopes != null) {
            // As the scopes would, from the innermost out, each taking back its own cancel.
            int left = cancelRequests;
            for (int i = scopes.size() - 1; i >= 0; i--) {
                Timeout scope = scopes.get(i);
                if (scope.expiring() && --left <= scope.cancellingAtEntry) {
                    return scope.expire();
                }
            }
        }
        return new CancelledError(name() + " was cancelled");
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
                        : (cancelRequests > 0 ? "cancelling, " : "")
                                + (awaited != null ? "waiting on " + awaited : "ready");
        return name() + " (" + state + ")";
    }

    /** The class of this task's coroutine. */
    Class<?> coroutineClass() {
        return coroutine.getClass();
    }

    /** {@code task of generator example.Crawler.fetch}: the coroutine's name without its state. */
    String name() {
        return "task of " + String.valueOf(coroutine).replaceFirst(" \\((not started|suspended|running|done)\\)$", "");
    }

    // ---- on the loop's thread ----

    /**
     * Resumes the coroutine with the outcome of what it waited on, and waits on what it yields
     * next. A stage already complete when yielded resumes it at once, without letting other tasks
     * run first, as asyncio's {@code await} of a done future does not suspend. A cancel asked for
     * is thrown instead of the outcome.
     */
    private void step(Object value, Throwable thrown) {
        if (finished) {
            return;
        }
        Object stage = awaited;
        awaited = null;
        if (mustCancel) {
            mustCancel = false;
            cancelledAwaited = false;
            if (stage instanceof Future) {
                // Handed a permit or an element it will not resume with: the stage gives it back.
                cancelStage(stage);
            }
            value = null;
            thrown = cancelError();
        } else {
            if (cancelledAwaited) {
                cancelledAwaited = false;
                // A task group's failure is thrown even if the stage refused the cancel.
                if (thrown instanceof CancellationException || interruption != null) {
                    thrown = cancelError();
                    value = null;
                }
            }
            claim(stage);
        }
        Task<?> outer = loop.current;
        loop.current = this;
        try {
            for (; ; ) {
                Object yielded;
                running = true;
                SlowStepWatch watch = loop.slowStepWatch;
                if (watch != null) {
                    watch.begin(this, coroutine);
                }
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
                } finally {
                    if (watch != null) {
                        watch.end();
                    }
                }
                running = false;
                if (yielded == this || !isComplete(yielded)) {
                    waitOn(yielded);
                    if (mustCancel && awaited instanceof Future && cancelStage(awaited)) {
                        // It cancelled itself: the stage it now waits on is cancelled, as asyncio does.
                        mustCancel = false;
                        cancelledAwaited = true;
                    }
                    return;
                }
                if (yielded instanceof Task && ((Task<?>) yielded).loop == loop) {
                    value = ((Task<?>) yielded).result;
                    thrown = ((Task<?>) yielded).failure;
                    ((Task<?>) yielded).retrieved();
                } else {
                    claim(yielded);
                    CompletableFuture<?> done = (CompletableFuture<?>) yielded;
                    thrown = failureOf(done);
                    value = thrown == null ? done.getNow(null) : null;
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
            loop.wake(this);
        } else if (yielded == this) {
            loop.wake(
                    step(),
                    null,
                    new IllegalStateException(name() + " yielded itself: a task can't wait for its own end"));
        } else if (yielded instanceof InLine && ((InLine<?>) yielded).follow(this)) {
            awaited = yielded;
        } else if (yielded instanceof Task && ((Task<?>) yielded).loop == loop) {
            awaited = yielded;
            ((Task<?>) yielded).addFollower(this);
        } else if (yielded instanceof CompletionStage) {
            CompletionStage<?> stage = (CompletionStage<?>) yielded;
            if (!(stage instanceof Future)) {
                // Waited on through a future of its own, which a cancel of the task can cancel.
                stage = Async.shield(stage);
            }
            awaited = stage;
            stage.whenComplete(step());
        } else {
            loop.wake(step(), null, badYield(yielded));
        }
    }

    private Waiter step() {
        if (step == null) {
            step = new Step();
        }
        return step;
    }

    /** The loop's own stage this task follows has completed: queues this task, from any thread. */
    void followedCompleted() {
        loop.wake(this);
    }

    /**
     * Resumes the coroutine, queued by the loop's own stage or task it waits on (which has
     * completed), by a yield of null, or as it starts: the outcome is the stage's.
     */
    void resumeQueued() {
        Object stage = awaited;
        if (stage instanceof Task && ((Task<?>) stage).loop == loop) {
            Task<?> task = (Task<?>) stage;
            step(task.result, task.failure);
        } else if (stage instanceof CompletableFuture && ((CompletableFuture<?>) stage).isDone()) {
            CompletableFuture<?> done = (CompletableFuture<?>) stage;
            Throwable thrown = failureOf(done);
            step(thrown == null ? done.getNow(null) : null, thrown);
        } else {
            step(null, null);
        }
    }

    /** The exception a completed stage failed with, as its producer threw it (or its cancel); null if it has a value. */
    private static Throwable failureOf(CompletableFuture<?> done) {
        if (!done.isCompletedExceptionally()) {
            return null;
        }
        try {
            done.getNow(null);
            return null;
        } catch (CompletionException failed) {
            return Waiter.unwrap(failed);
        } catch (CancellationException cancelled) {
            return cancelled;
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
        if (thrown instanceof CancelledError && !(thrown instanceof AsyncTimeoutException)) {
            // The cancel propagated: the task is cancelled, for waiters inside the loop and out.
            CancellationException cancelled = cancelled();
            cancelled.initCause(thrown);
            thrown = cancelled;
        }
        failure = thrown;
        result = value;
        if (thrown == null) {
            super.complete(value);
        } else {
            super.completeExceptionally(thrown);
            if (!(thrown instanceof CancellationException) && waiters == null && getNumberOfDependents() == 0) {
                unretrieved = UnretrievedFailure.watch(this, thrown);
            }
        }
        wakeWaiters();
    }

    /**
     * Ends the task without waiting: closes the coroutine (GeneratorExit at the pending yield, so
     * that its {@code finally} blocks run, and may not yield), cancels the stage it waits on, and
     * wakes the tasks waiting on this one. How the loop ends the tasks still left when it shuts
     * down, after they were cancelled and given their turns to finish.
     */
    void close() {
        if (finished) {
            return;
        }
        finished = true;
        Object waitedOn = awaited;
        awaited = null;
        Task<?> outer = loop.current;
        loop.current = this;
        running = true;
        try {
            if (waitedOn instanceof Future) {
                cancelStage(waitedOn);
            }
            coroutine.close();
        } catch (Throwable thrown) {
            loop.report("closing the cancelled " + name(), thrown);
        } finally {
            running = false;
            loop.current = outer;
            loop.forget(this);
            failure = cancelled();
            super.completeExceptionally(failure);
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

    /** Somebody has looked at the outcome: a failure is no longer reported when the task is collected. */
    void retrieved() {
        UnretrievedFailure watch = unretrieved;
        if (watch != null) {
            watch.retrieved = true;
        }
    }

    @Override
    public R join() {
        retrieved();
        return super.join();
    }

    @Override
    public R get() throws InterruptedException, ExecutionException {
        retrieved();
        return super.get();
    }

    @Override
    public R get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        retrieved();
        return super.get(timeout, unit);
    }

    @Override
    public R getNow(R valueIfAbsent) {
        retrieved();
        return super.getNow(valueIfAbsent);
    }

    @Override
    public CompletableFuture<R> whenComplete(BiConsumer<? super R, ? super Throwable> action) {
        retrieved();
        return super.whenComplete(action);
    }

    @Override
    public <U> CompletableFuture<U> handle(BiFunction<? super R, Throwable, ? extends U> fn) {
        retrieved();
        return super.handle(fn);
    }

    @Override
    public CompletableFuture<R> exceptionally(Function<Throwable, ? extends R> fn) {
        retrieved();
        return super.exceptionally(fn);
    }

    /** Resumes {@code waiter} with this task's outcome once it has finished: at once if it has. */
    void addWaiter(Waiter waiter) {
        addFollower(waiter);
    }

    /**
     * This task is the handler of {@code connection}: once it ends, a failure or a cancel closes the
     * connection ({@link StreamTransport#handlerEnded}), at the loop's next turn.
     */
    void serves(StreamTransport connection) {
        addFollower(connection);
    }

    /** Adds a {@link Waiter}, a task of this loop waiting on this one, or a connection it serves. */
    private void addFollower(Object follower) {
        retrieved();
        if (finished) {
            wake(follower);
        } else if (waiters == null) {
            waiters = follower;
        } else if (!(waiters instanceof FollowerList)) {
            FollowerList list = new FollowerList();
            list.add(waiters);
            list.add(follower);
            waiters = list;
        } else {
            ((FollowerList) waiters).add(follower);
        }
    }

    private void wakeWaiters() {
        Object all = waiters;
        waiters = null;
        if (all instanceof FollowerList) {
            for (Object follower : (FollowerList) all) {
                wake(follower);
            }
        } else if (all != null) {
            wake(all);
        }
    }

    private void wake(Object follower) {
        if (follower instanceof Waiter) {
            loop.wake((Waiter) follower, result, failure);
        } else if (follower instanceof Task) {
            loop.wake((Task<?>) follower);
        } else {
            StreamTransport connection = (StreamTransport) follower;
            Throwable ended = failure;
            loop.soon(() -> connection.handlerEnded(ended));
        }
    }

    /** The followers of a task waited on by more than one. */
    private static final class FollowerList extends ArrayList<Object> {
        private static final long serialVersionUID = 1L;

        FollowerList() {
            super(4);
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
