package dev.generators.loop;

import dev.generators.Coroutine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;

/**
 * What a task calls, on the loop that runs it: the functions of Python's {@code asyncio} module.
 * Each returns a stage for the task to yield; {@code Yield.value} then evaluates to its result,
 * typed as the variable it is assigned to:
 *
 * <pre>{@code
 * Yield.value(Async.sleep(Duration.ofMillis(500)));                     // await asyncio.sleep(0.5)
 * Task<String> page = Async.spawn(fetch(url));                         // asyncio.create_task(fetch(url))
 * List<Integer> all = Yield.value(Async.gather(count(a), count(b)));   // await asyncio.gather(...)
 * String body = Yield.value(Async.waitFor(fetch(url), Duration.ofSeconds(1)));
 * DoneAndPending<Task<String>> first = Yield.value(Async.wait(tasks, ReturnWhen.FIRST_COMPLETED));
 * }</pre>
 *
 * <p>All of them must be called on the loop's thread, from a task or a callback, and throw
 * {@link IllegalStateException} elsewhere.
 */
public final class Async {

    private Async() {}

    /**
     * A stage that completes, with {@code null}, once {@code delay} has passed: asyncio's
     * {@code sleep(delay)}. {@code Async.sleep(Duration.ZERO)} lets the tasks already ready run
     * first (as yielding {@code null} does). Cancelling the stage cancels its timer.
     */
    public static CompletableFuture<Void> sleep(Duration delay) {
        EventLoop loop = EventLoop.current();
        Sleep sleep = new Sleep();
        sleep.timer = loop.callLater(delay, sleep);
        return sleep;
    }

    /** {@link #sleep(Duration)} for {@code millis} milliseconds. */
    public static CompletableFuture<Void> sleep(long millis) {
        return sleep(Duration.ofMillis(millis));
    }

    /**
     * Runs {@code coroutine} as a new task on this loop, concurrently with the one calling:
     * asyncio's {@code create_task(coro)}. It starts at the loop's next turn.
     */
    public static <R> Task<R> spawn(Coroutine<?, ?, R> coroutine) {
        return EventLoop.current().run(coroutine);
    }

    /** The task whose coroutine is running: asyncio's {@code current_task()}; null in a plain callback. */
    public static Task<?> currentTask() {
        return EventLoop.current().current;
    }

    /**
     * Runs each coroutine as a task and completes with the list of their results, in the order
     * given: asyncio's {@code gather(*coros)}. It fails fast: with the first exception one of them
     * throws, once the others, cancelled, have ended (their {@code finally} blocks run). asyncio's
     * {@code gather} leaves the others running instead; this is what its {@code TaskGroup} does.
     * Cancelling the returned future cancels them all, and it ends cancelled once they have; if
     * all are done already, the cancel is refused and the results kept, as asyncio's is.
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // only read, never written or handed out
    public static <T> CompletableFuture<List<T>> gather(Coroutine<?, ?, ? extends T>... coroutines) {
        return gatherAll(coroutines, false);
    }

    /**
     * {@link #gather(Coroutine[])} of stages: completes with their values in order, or fails with
     * the first failure once those of them that are {@link java.util.concurrent.Future}s, cancelled,
     * have ended.
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // only read, never written or handed out
    public static <T> CompletableFuture<List<T>> gather(CompletionStage<? extends T>... stages) {
        return gatherAll(stages, false);
    }

    /**
     * {@link #gather(Coroutine[])} of a collection that may mix coroutines (each run as a task) and
     * stages.
     *
     * @throws IllegalArgumentException if an element is neither, naming it; nothing is started then
     */
    public static <T> CompletableFuture<List<T>> gather(Collection<?> awaitables) {
        return gatherAll(awaitables.toArray(), false);
    }

    /**
     * Like {@link #gather(Collection)}, but a part that fails or is cancelled leaves its exception
     * in the list in place of a value, and the others run on: asyncio's
     * {@code gather(*aws, return_exceptions=True)}.
     */
    public static CompletableFuture<List<Object>> gatherReturningExceptions(Collection<?> awaitables) {
        return gatherAll(awaitables.toArray(), true);
    }

    /** {@link #gatherReturningExceptions(Collection)} of coroutines and stages given one by one. */
    public static CompletableFuture<List<Object>> gatherReturningExceptions(Object... awaitables) {
        return gatherAll(awaitables, true);
    }

    private static <T> CompletableFuture<List<T>> gatherAll(Object[] awaitables, boolean returnExceptions) {
        EventLoop loop = EventLoop.current();
        for (Object awaitable : awaitables) {
            checkAwaitable(awaitable, "gather");
        }
        CompletionStage<?>[] parts = new CompletionStage<?>[awaitables.length];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = stageOf(loop, awaitables[i]);
        }
        return new Gathering<>(loop, parts, returnExceptions);
    }

    /**
     * Runs {@code coroutine} as a task, and completes with its result, or fails with
     * {@link AsyncTimeoutException} if it has not finished within {@code timeout}, once it has been
     * cancelled and has ended (its {@code finally} blocks, which may wait, have run): asyncio's
     * {@code wait_for(coro, timeout)}. A task that swallows the cancel and returns gives its result.
     * A {@code timeout} of zero or less cancels the task before it starts.
     */
    public static <T> CompletableFuture<T> waitFor(Coroutine<?, ?, T> coroutine, Duration timeout) {
        EventLoop loop = EventLoop.current();
        return new TimeLimit<>(loop, loop.run(coroutine), timeout);
    }

    /**
     * A time limit over the block of a try-with-resources, in this task: asyncio's
     * {@code async with asyncio.timeout(delay)}. When {@code delay} has passed (null: never, until
     * {@linkplain Timeout#reschedule rescheduled}) the task is cancelled at its pending yield, and
     * the cancel is thrown as an {@link AsyncTimeoutException} out of the block; see
     * {@link Timeout}.
     *
     * @throws IllegalStateException outside a task
     */
    public static Timeout timeout(Duration delay) {
        Task<?> task = currentTask();
        if (task == null) {
            throw new IllegalStateException("Async.timeout is a scope in a task's coroutine, not in a callback");
        }
        return new Timeout(task, delay);
    }

    /**
     * {@link #timeout(Duration)} until the instant {@code deadline} of the system clock:
     * asyncio's {@code asyncio.timeout_at(when)}.
     */
    public static Timeout timeoutAt(java.time.Instant deadline) {
        return timeout(Duration.between(java.time.Instant.now(), deadline));
    }

    /**
     * Completes as {@code stage} does, or fails with {@link AsyncTimeoutException} once
     * {@code timeout} has passed, cancelling {@code stage} if it is a
     * {@link java.util.concurrent.Future}. Cancelling the returned future cancels {@code stage}.
     */
    public static <T> CompletableFuture<T> waitFor(CompletionStage<T> stage, Duration timeout) {
        return new TimeLimit<>(EventLoop.current(), Objects.requireNonNull(stage, "stage"), timeout);
    }

    /**
     * Waits until some or all of {@code stages} have completed, as {@code returnWhen} says, and
     * completes with those done and those pending: asyncio's
     * {@code done, pending = await wait(aws, return_when=...)}. It cancels none of them.
     *
     * <pre>{@code
     * DoneAndPending<Task<String>> first = Yield.value(Async.wait(tasks, ReturnWhen.FIRST_COMPLETED));
     * }</pre>
     *
     * @param stages tasks and other stages; each is in one of the two sets, once however often it
     *     is given
     * @throws IllegalArgumentException if {@code stages} is empty or holds null, as asyncio's
     *     {@code wait} raises {@code ValueError}
     */
    public static <S extends CompletionStage<?>> CompletableFuture<DoneAndPending<S>> wait(
            Collection<? extends S> stages, ReturnWhen returnWhen) {
        return waitUntil(stages, returnWhen, null);
    }

    /**
     * {@link #wait(Collection, ReturnWhen)}, but complete once {@code timeout} has passed too:
     * {@code wait(aws, timeout=..., return_when=...)}. When time is up the stages not done are in
     * the pending set, still running; nothing fails.
     */
    public static <S extends CompletionStage<?>> CompletableFuture<DoneAndPending<S>> wait(
            Collection<? extends S> stages, ReturnWhen returnWhen, Duration timeout) {
        return waitUntil(stages, returnWhen, Objects.requireNonNull(timeout, "timeout"));
    }

    private static <S extends CompletionStage<?>> CompletableFuture<DoneAndPending<S>> waitUntil(
            Collection<? extends S> stages, ReturnWhen returnWhen, Duration timeout) {
        EventLoop loop = EventLoop.current();
        Objects.requireNonNull(returnWhen, "returnWhen");
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("wait needs at least one stage to wait on");
        }
        return new Waiting<>(loop, distinctStages(stages, "wait"), returnWhen, timeout);
    }

    /**
     * One future per stage, in the order the stages complete: the first future completes as the
     * first of them to complete does (with its value or its failure), the second as the second
     * does, and so on: asyncio's {@code as_completed(aws)}.
     *
     * <pre>{@code
     * for (CompletableFuture<String> next : Async.asCompleted(tasks)) {   // for coro in as_completed(tasks):
     *     String earliest = Yield.value(next);                            //     earliest = await coro
     * }
     * }</pre>
     *
     * A future cancelled while a task waits on it takes no outcome: the next one gets it. The
     * stages are not cancelled.
     *
     * @throws IllegalArgumentException if an element is null
     */
    public static <T> List<CompletableFuture<T>> asCompleted(
            Collection<? extends CompletionStage<? extends T>> stages) {
        return new CompletionOrder<T>(EventLoop.current(), distinctStages(stages, "asCompleted"), null).slots();
    }

    /**
     * {@link #asCompleted(Collection)}, but once {@code timeout} has passed the futures not yet
     * completed fail with {@link AsyncTimeoutException}: {@code as_completed(aws, timeout=...)}.
     * The stages are not cancelled.
     */
    public static <T> List<CompletableFuture<T>> asCompleted(
            Collection<? extends CompletionStage<? extends T>> stages, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return new CompletionOrder<T>(EventLoop.current(), distinctStages(stages, "asCompleted"), timeout).slots();
    }

    /**
     * The stages themselves, each handed out once it has completed, in the order they complete:
     * {@code async for task in as_completed(tasks)} (Python 3.13), as an {@link AsyncGenerator}.
     * Yielding a stage handed out gives its value, or throws its failure, at once.
     *
     * <pre>{@code
     * try (AsyncGenerator<Task<String>> done = Async.inCompletionOrder(tasks)) {
     *     for (Task<String> task; (task = Yield.value(done.next())) != null; ) {
     *         String page = Yield.value(task);
     *     }
     * }
     * }</pre>
     */
    public static <S extends CompletionStage<?>> AsyncGenerator<S> inCompletionOrder(Collection<? extends S> stages) {
        List<CompletableFuture<S>> done = new ArrayList<>();
        for (S stage : distinctStages(stages, "asCompleted")) {
            // Completes with the stage itself, whatever its outcome.
            CompletableFuture<S> itself = new CompletableFuture<>();
            stage.whenComplete((value, failure) -> itself.complete(stage));
            done.add(itself);
        }
        CompletionOrder<S> order = new CompletionOrder<>(EventLoop.current(), done, null);
        return AsyncGenerator.of(new CompletionOrder.Producer(order.slots()));
    }

    /** {@link #asCompleted(Collection)} of coroutines, each run as a task. */
    @SafeVarargs
    @SuppressWarnings("varargs") // only read, never written or handed out
    public static <T> List<CompletableFuture<T>> asCompleted(Coroutine<?, ?, ? extends T>... coroutines) {
        EventLoop loop = EventLoop.current();
        for (Coroutine<?, ?, ? extends T> coroutine : coroutines) {
            checkAwaitable(coroutine, "asCompleted");
        }
        List<Task<? extends T>> tasks = new ArrayList<>(coroutines.length);
        // One task per coroutine, however often it is given, as asyncio makes a set of them.
        for (Coroutine<?, ?, ? extends T> coroutine : new LinkedHashSet<>(Arrays.asList(coroutines))) {
            tasks.add(loop.run(coroutine));
        }
        return new CompletionOrder<T>(loop, tasks, null).slots();
    }

    /** The stages without repeats, in order, as asyncio makes a set of them. */
    private static <S> List<S> distinctStages(Collection<? extends S> stages, String caller) {
        for (S stage : stages) {
            if (stage == null) {
                throw new IllegalArgumentException(caller + " takes CompletionStages, not null");
            }
        }
        return new ArrayList<>(new LinkedHashSet<>(stages));
    }

    /**
     * Runs {@code call} on a thread of the loop's pool, and completes with what it returns, or
     * fails with what it throws (checked exceptions too, as they were thrown): asyncio's
     * {@code to_thread(func)}. The task yielding it is resumed on the loop's thread; the other
     * tasks run meanwhile. For blocking code: file and socket I/O, {@code Thread.sleep}, a JDBC
     * call, a long computation.
     *
     * <pre>{@code
     * String text = Yield.value(Async.toThread(() -> Files.readString(path)));   // await asyncio.to_thread(read, path)
     * }</pre>
     *
     * <p>The pool, asyncio's default executor, has up to {@code min(32, processors + 4)} daemon
     * threads, and is shut down with the loop. Like asyncio's, a cancel can't stop a call that has
     * begun: the future is cancelled (and a task waiting on it resumed) at once, and the call runs
     * on, its outcome dropped; one not yet begun never runs. For an executor of your own, use
     * {@code CompletableFuture.supplyAsync(supplier, executor)}: asyncio's
     * {@code loop.run_in_executor(executor, func)}.
     */
    public static <T> CompletableFuture<T> toThread(Callable<T> call) {
        Objects.requireNonNull(call, "call");
        EventLoop loop = EventLoop.current();
        OnThread<T> future = new OnThread<>(call, TaskLocal.inherited());
        try {
            loop.blockingPool().execute(future);
        } catch (RejectedExecutionException closed) {
            future.completeExceptionally(closed);
        }
        return future;
    }

    /**
     * {@link #toThread(Callable)} of a call that returns nothing: the future completes with null.
     * A method that returns {@code void} and throws, {@code Async.toThread(this::blockingIo)}, is
     * taken as this.
     */
    public static CompletableFuture<Void> toThread(BlockingAction action) {
        Objects.requireNonNull(action, "action");
        return toThread(() -> {
            action.run();
            return null;
        });
    }

    /** Blocking code that returns nothing, and may throw: for {@link #toThread(BlockingAction)}. */
    @FunctionalInterface
    public interface BlockingAction {
        void run() throws Exception;
    }

    /** What {@link #toThread} returns: run by a thread of the pool, unless cancelled first. */
    private static final class OnThread<T> extends CompletableFuture<T> implements Runnable {
        private final Callable<T> call;
        /** The calling task's {@link TaskLocal} values, a copy of its own, as asyncio copies the context. */
        private final TaskLocal.Values context;

        OnThread(Callable<T> call, TaskLocal.Values context) {
            this.call = call;
            this.context = context;
        }

        @Override
        public void run() {
            if (isDone()) {
                return;
            }
            try {
                complete(TaskLocal.carry(context, call));
            } catch (Throwable thrown) {
                completeExceptionally(thrown);
            }
        }
    }

    /**
     * A future that completes as {@code stage} does, and whose cancellation, or that of a task
     * waiting on it, leaves {@code stage} alone: asyncio's {@code shield}. A task waiting on a
     * stage otherwise cancels it when the task is cancelled.
     */
    public static <T> CompletableFuture<T> shield(CompletionStage<T> stage) {
        CompletableFuture<T> copy = new CompletableFuture<>();
        stage.whenComplete((value, failure) -> {
            if (failure != null) {
                copy.completeExceptionally(Waiter.unwrap(failure));
            } else {
                copy.complete(value);
            }
        });
        return copy;
    }

    private static void checkAwaitable(Object awaitable, String caller) {
        if (!(awaitable instanceof Coroutine) && !(awaitable instanceof CompletionStage)) {
            throw new IllegalArgumentException(caller + " takes coroutines and CompletionStages, not "
                    + (awaitable == null
                            ? "null"
                            : awaitable + " (" + awaitable.getClass().getName() + ")"));
        }
    }

    private static CompletionStage<?> stageOf(EventLoop loop, Object awaitable) {
        return awaitable instanceof Coroutine
                ? loop.run((Coroutine<?, ?, ?>) awaitable)
                : (CompletionStage<?>) awaitable;
    }

    /** The stage {@link #sleep} returns: completed by its timer, which a cancel cancels. */
    /** A sleep: one of the loop's own stages, so that a task sleeping costs no callback (see {@link InLine}). */
    private static final class Sleep extends InLine<Void> implements Runnable {
        Timer timer;

        Sleep() {
            super(null);
        }

        @Override
        public void run() {
            complete(null);
        }

        /** Cancelled: its timer is not needed any more. */
        @Override
        void leave() {
            timer.cancel();
        }
    }
}
