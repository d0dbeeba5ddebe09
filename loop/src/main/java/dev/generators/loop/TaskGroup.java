package dev.generators.loop;

import dev.generators.Coroutine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * Tasks that end together: asyncio's {@code TaskGroup}. {@link #spawn} starts a task in the
 * group; {@link #join()} is a stage, to yield, that completes once all of them have finished. When
 * one fails, by an exception other than a cancel, the others are cancelled, the body is
 * interrupted, and the group fails with a {@link TaskGroupException} holding every failure.
 *
 * <p>{@code async with asyncio.TaskGroup() as tg:} awaits the tasks when its block ends. A body
 * can't yield in {@code close()}, so here that wait is written out, as the last statement of a
 * try-with-resources block:
 *
 * <pre>{@code
 * try (TaskGroup group = new TaskGroup()) {          // async with asyncio.TaskGroup() as tg:
 *     Task<String> a = group.spawn(fetch(urlA));     //     a = tg.create_task(fetch(url_a))
 *     Task<String> b = group.spawn(fetch(urlB));     //     b = tg.create_task(fetch(url_b))
 *     Yield.value(group.join());                     //     (the implicit await at the end of the block)
 * }
 * String both = a.join() + b.join();                 // a.result() + b.result()
 * }</pre>
 *
 * <p>Failures:
 * <ul>
 * <li>When a task fails, the group's other tasks are cancelled, and so is the body: once they
 *     have all ended, the {@link TaskGroupException} is thrown at the body's pending yield (or, if
 *     it waits in {@code join()}, the join fails with it), so that it leaves the block as asyncio's
 *     does. The exception holds each task's failure, in the order they came (those that failed
 *     while the cancel reached them too), as asyncio's {@code ExceptionGroup}; {@code except* E}
 *     is {@code catch (TaskGroupException g)} and {@code g.exceptions(E.class)}. asyncio throws the
 *     cancel into the body at once, and waits for the tasks at the end of the block; here the body
 *     stays at its yield until they have ended, and then gets the group's failure.</li>
 * <li>A task cancelled on its own (by someone calling its {@code cancel}) is not a failure: the
 *     others run on.</li>
 * <li>Cancelling the join (as a cancel of the task waiting in it does) cancels the group's tasks;
 *     the join then ends, cancelled, once they have.</li>
 * <li>{@link #close()} is what the block's exit does when it is left another way: by an exception
 *     of the body, or a cancel of its task. It cancels the group's tasks still running, which end
 *     in their own time (a {@code close()} can't wait), and throws the group's failures that no
 *     join has reported, suppressed on the body's exception by the try-with-resources.</li>
 * </ul>
 *
 * <p>Tasks may be spawned until the join has completed, by the body or by the group's own
 * tasks; once a task has failed, one spawned is cancelled before it starts; after the join, and
 * after {@code close()}, {@code spawn} throws {@link IllegalStateException}, as asyncio's
 * "TaskGroup is finished". Use it on the loop's thread, as everything in this package.
 */
public final class TaskGroup implements AutoCloseable {
    private final EventLoop loop;
    /** The task whose body the group is in, interrupted when a task of the group fails; null in a callback. */
    private final Task<?> body;
    /** The tasks started and not yet finished, in the order they were spawned. */
    private final LinkedHashSet<Task<?>> running = new LinkedHashSet<>();
    /** The stages {@link #join()} returned and not yet completed, in the order they were asked for. */
    private final LinkedHashSet<Join> joins = new LinkedHashSet<>();
    /** The failures of the tasks, in the order they came. */
    private final List<Throwable> failures = new ArrayList<>();
    /** The group's failure, once made: every join and the body get this one object. */
    private TaskGroupException failure;
    /** Whether the failure has been handed to a join or the body, so that {@link #close()} need not throw it. */
    private boolean failureReported;

    private boolean finished;
    private boolean closed;

    /** A group with no tasks, on the loop of the calling thread, in the running task. */
    public TaskGroup() {
        this.loop = EventLoop.current();
        this.body = loop.current;
    }

    /**
     * Runs {@code coroutine} as a task of this group, concurrently with the one calling:
     * {@code tg.create_task(coro)}. It starts at the loop's next turn. Once a task of the group has
     * failed, the task returned is already cancelled, and the coroutine never runs.
     *
     * @throws IllegalStateException if the group has finished: its join has completed, or it is
     *     closed
     */
    public <R> Task<R> spawn(Coroutine<?, ?, R> coroutine) {
        loop.requireLoopThread("TaskGroup.spawn");
        if (finished) {
            throw new IllegalStateException(
                    "this TaskGroup is finished: its tasks have all ended, so it can't start " + coroutine);
        }
        Task<R> task = loop.run(coroutine);
        if (!failures.isEmpty()) {
            task.cancel(false);
            return task;
        }
        running.add(task);
        loop.whenDone(task, new Member(task));
        return task;
    }

    /**
     * A stage that completes, with null, once every task of the group has finished, or fails with
     * the {@link TaskGroupException} once one has failed and the others have ended: the end of
     * {@code async with tg:}, to yield. Cancelling it cancels the group's tasks. Each call returns
     * a stage of its own; they complete in the order they were asked for.
     */
    public CompletableFuture<Void> join() {
        loop.requireLoopThread("TaskGroup.join");
        Join join = new Join();
        if (running.isEmpty()) {
            end(join);
        } else {
            joins.add(join);
        }
        return join;
    }

    /**
     * Cancels the group's tasks still running, and ends the group: what the exit of
     * {@code async with} does when its body raises. After a {@link #join()} that completed, there
     * is nothing left to do. The group's failure, if no join or interrupt has reported it, is
     * thrown. A task that fails after this goes to the loop's exception handler.
     */
    @Override
    public void close() {
        loop.requireLoopThread("TaskGroup.close");
        cancelRunning();
        finished = true;
        closed = true;
        if (!failures.isEmpty() && !failureReported) {
            failureReported = true;
            throw failure();
        }
    }

    /** The number of the group's tasks that have not finished. */
    public int size() {
        return running.size();
    }

    @Override
    public String toString() {
        return "TaskGroup (" + (finished ? "finished" : running.size() + " running")
                + (failures.isEmpty() ? "" : ", failed: " + failures) + ")";
    }

    private void cancelRunning() {
        // Copied first: a cancel may end a task at once, and a task may spawn or end others.
        List<Task<?>> tasks = new ArrayList<>(running);
        for (Task<?> task : tasks) {
            task.cancel(false);
        }
    }

    private TaskGroupException failure() {
        if (failure == null || failure.exceptions().size() != failures.size()) {
            failure = new TaskGroupException(failures);
        }
        return failure;
    }

    private void failed(Throwable thrown) {
        if (closed && failureReported) {
            loop.report("a task of a closed TaskGroup failed", thrown);
            return;
        }
        failures.add(thrown);
        if (failures.size() == 1) {
            cancelRunning();
        }
    }

    /** Completes {@code join} with the group's outcome, which has no task running. */
    private void end(Join join) {
        finished = true;
        if (failures.isEmpty()) {
            join.done(null);
        } else {
            failureReported = true;
            join.done(failure());
        }
    }

    /** The waiter on one task of the group. */
    private final class Member extends Waiter {
        private final Task<?> task;

        Member(Task<?> task) {
            super(TaskGroup.this.loop);
            this.task = task;
        }

        @Override
        void resume(Object value, Throwable thrown) {
            running.remove(task);
            if (thrown != null && !(thrown instanceof CancellationException)) {
                failed(thrown);
            }
            if (!running.isEmpty()) {
                return;
            }
            if (!joins.isEmpty()) {
                Join[] waiting = joins.toArray(new Join[0]);
                joins.clear();
                for (Join join : waiting) {
                    end(join);
                }
            } else if (!failures.isEmpty() && !closed && !failureReported && body != null) {
                // The body is elsewhere than in join(): the failure is thrown at its yield.
                failureReported = true;
                body.interrupt(failure());
            }
        }
    }

    /** What {@link #join()} returns: its cancel cancels the group's tasks, and it ends when they have. */
    private final class Join extends CompletableFuture<Void> {
        private boolean cancelRequested;

        void done(Throwable thrown) {
            if (cancelRequested) {
                super.completeExceptionally(new CancellationException("the TaskGroup's join was cancelled"));
            } else if (thrown == null) {
                super.complete(null);
            } else {
                super.completeExceptionally(thrown);
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (isDone()) {
                return false;
            }
            cancelRequested = true;
            cancelRunning();
            return true;
        }

        @Override
        public boolean complete(Void value) {
            throw new UnsupportedOperationException(
                    "a TaskGroup's join completes when its tasks have: cancel() it instead");
        }

        @Override
        public boolean completeExceptionally(Throwable exception) {
            throw new UnsupportedOperationException(
                    "a TaskGroup's join completes when its tasks have: cancel() it instead");
        }
    }
}
