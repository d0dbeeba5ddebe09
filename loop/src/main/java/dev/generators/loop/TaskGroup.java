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
 * one fails, by an exception other than a cancel, the others are cancelled and the join fails.
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
 * <p>{@link #close()} is what the block's exit does when it is left another way: by an exception,
 * or by a cancel of the task (which closes its coroutine, so that its try-with-resources run). It
 * cancels the group's tasks still running (their coroutines are closed, their {@code finally}
 * blocks run, before it returns), as asyncio's {@code TaskGroup} does when its body raises.
 *
 * <p>Failures:
 * <ul>
 * <li>The join fails with the first failure of a task, the exception as the task threw it; the
 *     failures of the other tasks, those that failed before the cancel reached them or while it
 *     closed them, are added to it as {@linkplain Throwable#getSuppressed() suppressed}
 *     exceptions, in the order they came. This stands for asyncio's {@code ExceptionGroup}:
 *     {@code except* E} is {@code catch (E e)} for the first, and a look at
 *     {@code e.getSuppressed()} for the others.</li>
 * <li>A task cancelled on its own (by someone calling its {@code cancel}) is not a failure: the
 *     others run on.</li>
 * <li>Cancelling the join (as a cancel of the task waiting in it does) cancels the group's
 *     tasks.</li>
 * <li>asyncio also cancels the body of the {@code async with} when a task fails, at the await it
 *     is in. Here the body runs on to {@code join()}, which fails at once; a task spawned in the
 *     meantime is cancelled before it starts. A failure nobody joined is thrown by
 *     {@code close()}.</li>
 * </ul>
 *
 * <p>Tasks may be spawned until the join has completed, by the body or by the group's own
 * tasks; after that, and after {@code close()}, {@code spawn} throws {@link IllegalStateException},
 * as asyncio's "TaskGroup is finished". Use it on the loop's thread, as everything in this package.
 */
public final class TaskGroup implements AutoCloseable {
    private final EventLoop loop;
    /** The tasks started and not yet finished, in the order they were spawned. */
    private final LinkedHashSet<Task<?>> running = new LinkedHashSet<>();
    /** The stages {@link #join()} returned and not yet completed, in the order they were asked for. */
    private final LinkedHashSet<Join> joins = new LinkedHashSet<>();
    /** The first failure; the later ones are added to it as suppressed. */
    private Throwable failure;
    /** Whether the failure has been handed to a join, so that {@link #close()} need not throw it. */
    private boolean failureReported;

    private boolean finished;

    /** A group with no tasks, on the loop of the calling thread. */
    public TaskGroup() {
        this.loop = EventLoop.current();
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
        if (failure != null) {
            task.cancel(false);
            return task;
        }
        running.add(task);
        loop.whenDone(task, new Member(task));
        return task;
    }

    /**
     * A stage that completes, with null, once every task of the group has finished, or fails once
     * one has failed and the others have been cancelled: the end of {@code async with tg:}, to
     * yield. Cancelling it cancels the group's tasks. Each call returns a stage of its own; they
     * complete in the order they were asked for.
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
     * Cancels the group's tasks still running, closing their coroutines, and ends the group; what
     * the exit of {@code async with} does when its body raises. After a {@link #join()} that
     * completed, there is nothing left to do. A failure of one of the tasks that no join has
     * reported is thrown, as the task threw it, with the others suppressed.
     */
    @Override
    public void close() {
        loop.requireLoopThread("TaskGroup.close");
        cancelRunning();
        finished = true;
        if (failure != null && !failureReported) {
            failureReported = true;
            throw EventLoop.<RuntimeException>sneaky(failure);
        }
    }

    /** The number of the group's tasks that have not finished. */
    public int size() {
        return running.size();
    }

    @Override
    public String toString() {
        return "TaskGroup (" + (finished ? "finished" : running.size() + " running")
                + (failure == null ? "" : ", failed: " + failure) + ")";
    }

    private void cancelRunning() {
        // Copied first: each cancel closes a task, and a closing task may spawn or end others.
        List<Task<?>> tasks = new ArrayList<>(running);
        for (Task<?> task : tasks) {
            task.cancel(false);
        }
    }

    private void failed(Throwable thrown) {
        if (failure == null) {
            failure = thrown;
            cancelRunning();
        } else if (thrown != failure) {
            failure.addSuppressed(thrown);
        }
    }

    /** Completes {@code join} with the group's outcome, which has no task running. */
    private void end(Join join) {
        finished = true;
        if (failure == null) {
            join.done(null);
        } else {
            failureReported = true;
            join.done(failure);
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
            if (running.isEmpty() && !joins.isEmpty()) {
                Join[] waiting = joins.toArray(new Join[0]);
                joins.clear();
                for (Join join : waiting) {
                    end(join);
                }
            }
        }
    }

    /** What {@link #join()} returns: its cancel cancels the group's tasks. */
    private final class Join extends InLine<Void> {
        Join() {
            super(joins);
        }

        void done(Throwable thrown) {
            if (thrown == null) {
                super.complete(null);
            } else {
                super.completeExceptionally(thrown);
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (cancelled) {
                cancelRunning();
            }
            return cancelled;
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
