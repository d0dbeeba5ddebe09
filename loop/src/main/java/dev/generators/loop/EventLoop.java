package dev.generators.loop;

import dev.generators.Coroutine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * One thread that runs many {@link Task}s, each a {@link Coroutine} that yields the
 * {@link CompletionStage}s it waits on: asyncio's event loop, as it began, with generators.
 *
 * <pre>{@code
 * @Generator
 * static Coroutine<?, ?, String> main() {
 *     Yield.value(Async.sleep(Duration.ofSeconds(1)));      // await asyncio.sleep(1)
 *     String body = Yield.value(client.sendAsync(...));     // a CompletableFuture, awaited
 *     return Yield.done(body);
 * }
 *
 * String body = EventLoop.runUntilComplete(main());         // asyncio.run(main())
 * }</pre>
 *
 * <p>Everything a task does runs on the loop's thread: its coroutine is resumed there with the
 * value or the failure of the stage it yielded, even when that stage completes on another
 * thread. The loop's own state is touched by that thread only; other threads hand it work through
 * a queue of their own ({@link #execute}, {@link #run}, {@link #callLater} and {@link Task#cancel}
 * may be called on any thread).
 *
 * <p>At its heart is a {@link Selector}, as asyncio's loop is a selector. Each turn of the loop
 * takes what other threads handed it, asks the selector which channels are ready (without waiting
 * when callbacks are ready to run; otherwise waiting in {@code select} until the next timer is due,
 * a channel is ready, or another thread wakes it with {@link Selector#wakeup()}), queues the
 * readiness callbacks of the ready channels and the timers that are due, and runs the callbacks and
 * task steps that were ready when the turn began. An exception thrown by a callback goes to the
 * {@linkplain #setExceptionHandler exception handler} and the loop goes on; one thrown by a task's
 * coroutine completes that task exceptionally. No thread is made per connection or per operation:
 * sockets and streams ({@link Sockets}, {@link Streams}) wait on this one selector.
 *
 * <p>Interrupting the loop's thread stops the loop as {@link #close()} does (so
 * {@link #runUntilComplete} throws {@link java.util.concurrent.CancellationException}), and leaves
 * the thread's interrupt status set.
 */
public final class EventLoop implements Executor, AutoCloseable {

    private static final ThreadLocal<EventLoop> RUNNING = new ThreadLocal<>();
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final long MAX_DELAY = Long.MAX_VALUE / 4;
    /**
     * While work is ready, how often the channels are polled all the same: often enough that no
     * socket waits behind busy tasks, seldom enough that a task resumed by a socket's readiness
     * does not pay a {@code select} of its own before it runs.
     */
    private static final long POLL_INTERVAL_NANOS = 100_000;

    /** Callbacks, timers due and waiters to resume, in the order they run. Loop thread only. */
    private final ArrayDeque<Object> ready = new ArrayDeque<>();
    /** What other threads hand the loop: {@link Runnable}s, and {@link Task}s to start. */
    private final ConcurrentLinkedQueue<Object> inbox = new ConcurrentLinkedQueue<>();

    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long timersScheduled;
    /** When {@link #select} last asked the selector, on {@link System#nanoTime()}'s scale. */
    private long lastSelect;
    /** About how many timers in {@link #timers} are cancelled, to purge them when they are many. */
    private int timersCancelled;
    /**
     * The tasks started and not finished, linked through {@link Task#previous} and
     * {@link Task#next}: none is lost to the garbage collector while it waits on a stage nothing
     * else holds, and all can be cancelled when the loop shuts down.
     */
    private Task<?> firstTask;

    private int taskCount;
    /** The task whose coroutine is running, for {@link Async#currentTask()}. */
    Task<?> current;

    private volatile BiConsumer<String, Throwable> exceptionHandler = EventLoop::printException;
    private final CountDownLatch terminated = new CountDownLatch(1);
    /** The threads of {@link Async#toThread}, made when first needed. Loop thread only. */
    private ThreadPoolExecutor blockingPool;

    /** What streams read the socket into before their readers take it: one per loop, made when first needed. */
    private java.nio.ByteBuffer readBuffer;

    /** Where the loop waits: for channels to be ready, the next timer, or a {@link Selector#wakeup()}. */
    private final Selector selector;

    private volatile Thread thread;
    /** Whether the loop's thread waits in {@code select}, or is about to, so that a hand-off must wake it. */
    private volatile boolean parked;

    private volatile boolean stopping;
    /** Whether the loop is running on after it was told to stop, for the cancelled tasks to finish. */
    private boolean cancellingLeft;
    /** The debug mode's watch over slow steps; null when it is off. */
    volatile SlowStepWatch slowStepWatch;
    /** Set once the loop has shut down: nothing more is accepted. */
    private volatile boolean closed;

    /** Whether {@link #time()} is virtual: see {@link #runUntilCompleteInVirtualTime}. */
    private final boolean virtualTime;
    /** The virtual time, from 0: moved by the loop's thread only, read by any. */
    private volatile long virtualNow;

    private EventLoop(Thread thread, boolean virtualTime) {
        this.thread = thread;
        this.virtualTime = virtualTime;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("the event loop could not open a selector", e);
        }
    }

    // ---- starting and stopping ----

    /**
     * Runs {@code main} as a task on a new event loop on this thread until it finishes, then
     * cancels the tasks still left (closing their coroutines) and shuts the loop down:
     * asyncio's {@code asyncio.run(main())}.
     *
     * @return the coroutine's result
     * @throws java.util.concurrent.CancellationException if the task was cancelled
     * @throws IllegalStateException if called on the thread of a running loop (where it would block
     *     every other task): yield the coroutine with {@code Yield.all}, or spawn it
     */
    public static <R> R runUntilComplete(Coroutine<?, ?, R> main) {
        return runUntilComplete(main, false);
    }

    /**
     * {@link #runUntilComplete} on a loop whose clock is virtual, for tests of code that waits on
     * timers: what kotlinx-coroutines' {@code runTest} and Trio's {@code MockClock(autojump_threshold=0)}
     * do. {@link #time()} starts at 0 and moves only when the loop has nothing to do but wait for a
     * timer: then it jumps to that timer's deadline at once. So a program that sleeps an hour runs
     * in no time, and its timers fall due in exactly the order and at exactly the times their
     * delays say, however loaded the machine is: a test can assert that a sleep of one second and
     * one of two, run together, end at 1 s and 2 s of the loop's time.
     *
     * <p>Sockets, other threads and {@link Async#toThread} still work, in real time: but when the
     * loop waits for one of them and also for a timer, the timer is due at once (the loop does not
     * know how long the other thread will take), so a timeout around such work expires at once.
     * Test that with a real clock.
     */
    public static <R> R runUntilCompleteInVirtualTime(Coroutine<?, ?, R> main) {
        return runUntilComplete(main, true);
    }

    private static <R> R runUntilComplete(Coroutine<?, ?, R> main, boolean virtualTime) {
        if (RUNNING.get() != null) {
            throw new IllegalStateException(
                    "EventLoop.runUntilComplete can't be called from a running event loop:"
                            + " run the coroutine inside this task with Yield.all(coroutine), or concurrently with Async.spawn");
        }
        EventLoop loop = new EventLoop(Thread.currentThread(), virtualTime);
        Task<R> task = loop.run(main);
        loop.runUntil(task);
        if (task.failure() != null) {
            throw EventLoop.<RuntimeException>sneaky(task.failure());
        }
        return task.getNow(null);
    }

    /**
     * Starts an event loop on a thread of its own (a daemon thread named {@code event-loop-N}),
     * which runs until {@link #close()}. Hand it coroutines with {@link #run}.
     */
    public static EventLoop start() {
        EventLoop loop = new EventLoop(null, false);
        Thread thread = new Thread(() -> loop.runUntil(null), "event-loop-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        loop.thread = thread;
        thread.start();
        return loop;
    }

    /**
     * The loop running on this thread: asyncio's {@code get_running_loop()}.
     *
     * @throws IllegalStateException if no loop is running on this thread
     */
    public static EventLoop current() {
        EventLoop loop = RUNNING.get();
        if (loop == null) {
            throw new IllegalStateException("no event loop is running on thread "
                    + Thread.currentThread().getName()
                    + ": call this from a task, run by EventLoop.runUntilComplete or on a loop from EventLoop.start()");
        }
        return loop;
    }

    /**
     * Stops the loop: the tasks left are cancelled and their coroutines closed (so their
     * {@code finally} blocks run), callbacks and timers not yet run are dropped, and anything
     * handed to the loop afterwards is rejected. Called on another thread, waits until the loop
     * has shut down; called on the loop's thread, the loop stops after the current callback.
     */
    @Override
    public void close() {
        stopping = true;
        if (inLoopThread()) {
            return;
        }
        selector.wakeup();
        boolean interrupted = false;
        for (; ; ) {
            try {
                terminated.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The loop running on this thread, or null. */
    static EventLoop running() {
        return RUNNING.get();
    }

    /** Whether the loop has shut down. */
    public boolean isClosed() {
        return closed;
    }

    // ---- what tasks and other threads call ----

    /**
     * Runs {@code coroutine} as a new task, which starts at the loop's next turn: asyncio's
     * {@code loop.create_task(coro)} on the loop's thread, {@code run_coroutine_threadsafe} on
     * another.
     *
     * @return the task, a {@link java.util.concurrent.CompletableFuture} of the coroutine's result
     * @throws RejectedExecutionException if the loop is closed
     */
    public <R> Task<R> run(Coroutine<?, ?, R> coroutine) {
        Objects.requireNonNull(coroutine, "coroutine");
        Task<R> task = new Task<>(this, coroutine);
        if (inLoopThread()) {
            rejectIfClosed();
            start(task);
        } else if (!offer(task)) {
            throw rejected();
        }
        return task;
    }

    /**
     * Runs {@code action} on the loop's thread at its next turn: asyncio's {@code call_soon}, and
     * {@code call_soon_threadsafe} from another thread. With this the loop is an
     * {@link Executor}: {@code stage.thenAcceptAsync(action, loop)} runs the action on the loop.
     *
     * @throws RejectedExecutionException if the loop is closed
     */
    @Override
    public void execute(Runnable action) {
        Objects.requireNonNull(action, "action");
        if (inLoopThread()) {
            rejectIfClosed();
            ready.add(action);
        } else if (!offer(action)) {
            throw rejected();
        }
    }

    /**
     * Runs {@code action} on the loop's thread once {@code delay} has passed: asyncio's
     * {@code call_later}. Timers due at the same time run in the order they were scheduled.
     *
     * @return the timer, to {@link Timer#cancel()}
     * @throws RejectedExecutionException if the loop is closed
     */
    public Timer callLater(Duration delay, Runnable action) {
        Objects.requireNonNull(action, "action");
        Timer timer = new Timer(this, time() + nanos(delay), action);
        if (inLoopThread()) {
            rejectIfClosed();
            schedule(timer);
        } else if (!offer((Runnable) () -> schedule(timer))) {
            throw rejected();
        }
        return timer;
    }

    /**
     * Runs {@code action} on the loop's thread once {@link #time()} has reached {@code when}:
     * asyncio's {@code call_at}. A time already passed runs it at the next turn.
     *
     * @param when a time on the scale of {@link #time()}, in nanoseconds
     * @return the timer, to {@link Timer#cancel()}
     * @throws RejectedExecutionException if the loop is closed
     */
    public Timer callAt(long when, Runnable action) {
        Objects.requireNonNull(action, "action");
        Timer timer = new Timer(this, when, action);
        if (inLoopThread()) {
            rejectIfClosed();
            schedule(timer);
        } else if (!offer((Runnable) () -> schedule(timer))) {
            throw rejected();
        }
        return timer;
    }

    /**
     * The loop's clock, in nanoseconds, on the scale of {@link System#nanoTime()} (so only the
     * difference between two readings means something): asyncio's {@code loop.time()}, which the
     * timers of {@link #callAt} follow. On a loop in {@linkplain #runUntilCompleteInVirtualTime
     * virtual time}, the virtual time, from 0.
     */
    public long time() {
        return virtualTime ? virtualNow : System.nanoTime();
    }

    /**
     * Calls {@code callback} on the loop's thread whenever {@code channel} is ready to be read (for
     * a {@link java.nio.channels.ServerSocketChannel}, to accept), until {@link #removeReader}:
     * asyncio's {@code add_reader}. It replaces the channel's reader callback, if it had one. The
     * channel is made non-blocking and registered with the loop's selector; the callback should
     * read until the channel has nothing more, or it is called again at the next turn (the
     * readiness is level-triggered, as {@code select}'s is). On the loop's thread only.
     *
     * @throws IllegalArgumentException if the channel is closed
     */
    public void addReader(SelectableChannel channel, Runnable callback) {
        requireLoopThread("addReader");
        registration(channel).setReader(Objects.requireNonNull(callback, "callback"));
    }

    /**
     * Stops calling the reader callback of {@code channel}: asyncio's {@code remove_reader}.
     *
     * @return whether it had one
     */
    public boolean removeReader(SelectableChannel channel) {
        requireLoopThread("removeReader");
        Registration registration = registered(channel);
        return registration != null && registration.setReader(null);
    }

    /**
     * Calls {@code callback} on the loop's thread whenever {@code channel} can be written to (for a
     * {@link java.nio.channels.SocketChannel} whose connect is pending, once it can finish
     * connecting), until {@link #removeWriter}: asyncio's {@code add_writer}. As
     * {@link #addReader}, which it leaves alone. On the loop's thread only.
     *
     * @throws IllegalArgumentException if the channel is closed
     */
    public void addWriter(SelectableChannel channel, Runnable callback) {
        requireLoopThread("addWriter");
        registration(channel).setWriter(Objects.requireNonNull(callback, "callback"));
    }

    /**
     * Stops calling the writer callback of {@code channel}: asyncio's {@code remove_writer}.
     *
     * @return whether it had one
     */
    public boolean removeWriter(SelectableChannel channel) {
        requireLoopThread("removeWriter");
        Registration registration = registered(channel);
        return registration != null && registration.setWriter(null);
    }

    /**
     * The tasks started on this loop and not yet finished, including the one running: asyncio's
     * {@code all_tasks()}. On the loop's thread only.
     */
    public List<Task<?>> tasks() {
        requireLoopThread("tasks()");
        List<Task<?>> all = new ArrayList<>(taskCount);
        for (Task<?> task = firstTask; task != null; task = task.next) {
            all.add(task);
        }
        return all;
    }

    /**
     * Where the exceptions go that callbacks throw, those thrown while closing a task's coroutine
     * at shutdown, the failure of a task that nobody waited on or asked for its outcome before it
     * was collected ("never retrieved", with the task's name), a coroutine created on the loop and
     * collected without having been awaited, spawned or used ("never awaited"), and the reports of the
     * {@linkplain #setSlowStepThreshold debug mode}: asyncio's {@code set_exception_handler}. It is
     * given what the loop was doing and the exception. By default both are printed to
     * {@code System.err}. Set on the loop's thread only; it runs there, but for the debug mode's
     * reports.
     */
    public void setExceptionHandler(BiConsumer<String, Throwable> handler) {
        requireLoopThread("setExceptionHandler");
        exceptionHandler = Objects.requireNonNull(handler, "handler");
    }

    /**
     * Turns the debug mode on, or off with null: a step of a task (its run from one yield to the
     * next) that takes longer than {@code threshold} is reported to the
     * {@linkplain #setExceptionHandler exception handler} while it runs, with the task's name and
     * the generator's class, method and line where it is held up, as asyncio's debug mode warns of
     * a slow callback. The report comes from a watching daemon thread, the loop's own being the one
     * held up. On the loop's thread only.
     */
    public void setSlowStepThreshold(Duration threshold) {
        requireLoopThread("setSlowStepThreshold");
        SlowStepWatch old = slowStepWatch;
        if (old != null) {
            old.stop();
        }
        slowStepWatch = null;
        if (threshold != null) {
            SlowStepWatch watch = new SlowStepWatch(this, thread, threshold);
            Thread watcher = new Thread(watch, thread.getName() + "-slow-step-watch");
            watcher.setDaemon(true);
            watcher.start();
            slowStepWatch = watch;
        }
    }

    @Override
    public String toString() {
        Thread t = thread;
        return "event loop on " + (t == null ? "no thread" : t.getName()) + (closed ? " (closed)" : "");
    }

    // ---- the loop ----

    /** Runs turns until {@code main} has finished (or, without one, until {@link #close()}), then shuts down. */
    private void runUntil(Task<?> main) {
        RUNNING.set(this);
        NeverAwaited.loopStarted();
        try {
            while (!stopping && (main == null || !main.finished)) {
                if (Thread.currentThread().isInterrupted()) {
                    // An interrupt stops the loop as close() does, and stays set for the caller.
                    break;
                }
                turn();
            }
            cancelLeft();
            shutDown();
        } finally {
            try {
                selector.close();
            } catch (IOException e) {
                report("closing the selector", e);
            }
            RUNNING.remove();
            NeverAwaited.loopStopped();
            terminated.countDown();
        }
    }

    private void turn() {
        takeInbox();
        long now = time();
        Timer next = timers.peek();
        if (ready.isEmpty() && (next == null || next.deadline - now > 0)) {
            if (virtualTime && next != null) {
                // Nothing to do but wait for the timer: unless a channel is ready, its time has come.
                select(-1);
                takeInbox();
                if (ready.isEmpty()) {
                    virtualNow = next.deadline;
                }
            } else {
                waitForWork(next, now);
                takeInbox();
            }
            now = time();
        } else if (now - lastSelect > POLL_INTERVAL_NANOS && !selector.keys().isEmpty()) {
            // Work is ready, but the channels are polled all the same, so that they are served too.
            select(-1);
        }
        for (Timer due; (due = timers.peek()) != null && due.deadline - now <= 0; ) {
            ready.add(timers.poll());
        }
        int count = ready.size();
        for (int i = 0; i < count && (!stopping || cancellingLeft); i++) {
            dispatch(ready.poll());
        }
    }

    private void takeInbox() {
        for (Object handed; (handed = inbox.poll()) != null; ) {
            if (handed instanceof Task) {
                start((Task<?>) handed);
            } else {
                ready.add(handed);
            }
        }
    }

    /**
     * Waits in {@code select} until a channel is ready, {@code next} is due, or another thread
     * hands the loop work ({@link #offer} wakes the selector once {@link #parked} is set).
     */
    private void waitForWork(Timer next, long now) {
        parked = true;
        if (inbox.isEmpty() && (!stopping || cancellingLeft)) {
            if (next == null) {
                select(0);
            } else {
                // select counts milliseconds: round up, so that a timer is never woken for early.
                long millis = (next.deadline - now + 999_999) / 1_000_000;
                select(Math.max(1, millis));
            }
        }
        parked = false;
    }

    /** Queues the readiness callbacks of the channels ready: at once ({@code -1}), or waiting up to {@code millis} (0: no limit). */
    private void select(long millis) {
        try {
            if (millis < 0) {
                selector.selectNow(this::selected);
            } else {
                selector.select(this::selected, millis);
            }
        } catch (IOException e) {
            report("waiting in select", e);
        }
        lastSelect = System.nanoTime();
    }

    private void selected(SelectionKey key) {
        Readiness readiness = (Readiness) key.attachment();
        readiness.readyOps = (byte) key.readyOps();
        ready.add(readiness);
    }

    private void dispatch(Object work) {
        try {
            if (work instanceof Waiter) {
                Waiter waiter = (Waiter) work;
                Object value = waiter.value;
                Throwable failure = waiter.failure;
                waiter.value = null;
                waiter.failure = null;
                waiter.resume(value, failure);
            } else if (work instanceof Task) {
                ((Task<?>) work).resumeQueued();
            } else if (work instanceof Timer) {
                ((Timer) work).fire();
            } else {
                ((Runnable) work).run();
            }
        } catch (Throwable thrown) {
            report("running the callback " + work, thrown);
        }
    }

    /**
     * Cancels the tasks left, as asyncio's {@code run()} does, and runs turns until they have
     * finished, so that their {@code finally} blocks may wait; an interrupt of the loop's thread
     * cuts it short, and {@link #shutDown()} closes those left then.
     */
    private void cancelLeft() {
        if (firstTask == null || Thread.currentThread().isInterrupted()) {
            return;
        }
        cancellingLeft = true;
        for (Task<?> task : tasks()) {
            task.cancel(false);
        }
        while (firstTask != null && !Thread.currentThread().isInterrupted()) {
            turn();
        }
    }

    /**
     * Cancels every task left, rejects what other threads hand over from here on, and drops the
     * callbacks and timers not run. Closing a task's coroutine may start others, which are
     * rejected: the loop is closed by then.
     */
    private void shutDown() {
        closed = true;
        if (slowStepWatch != null) {
            slowStepWatch.stop();
        }
        while (firstTask != null) {
            firstTask.close();
        }
        for (Object handed; (handed = inbox.poll()) != null; ) {
            if (handed instanceof Task) {
                ((Task<?>) handed).close();
            }
        }
        ready.clear();
        timers.clear();
        Readiness.closeAll(selector);
        if (blockingPool != null) {
            // Calls running go on to their end, on daemon threads; their outcomes reach no one.
            blockingPool.shutdown();
        }
    }

    // ---- for tasks and the other classes of this package ----

    /**
     * The pool that {@link Async#toThread} runs blocking calls on, as asyncio's default executor:
     * up to {@code min(32, processors + 4)} daemon threads, made as needed and let go after a
     * minute idle; calls beyond that wait their turn. Shut down with the loop.
     */
    ExecutorService blockingPool() {
        if (blockingPool == null) {
            int size = Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
            String prefix = (thread == null ? "event-loop" : thread.getName()) + "-to-thread-";
            AtomicInteger count = new AtomicInteger();
            blockingPool =
                    new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), work -> {
                        Thread worker = new Thread(work, prefix + count.incrementAndGet());
                        worker.setDaemon(true);
                        return worker;
                    });
            blockingPool.allowCoreThreadTimeOut(true);
        }
        return blockingPool;
    }

    /**
     * What this loop's selector knows of {@code channel}: registered (and made non-blocking) when
     * first asked for, with no interest until a callback is set.
     *
     * @throws IllegalArgumentException if the channel is closed
     */
    Registration registration(SelectableChannel channel) {
        Registration registration = registered(channel);
        if (registration != null) {
            return registration;
        }
        registration = new Registration(this);
        register(channel, registration);
        return registration;
    }

    /**
     * Makes {@code readiness} the place of {@code channel} in the selector, with no interest yet:
     * registers the channel (made non-blocking) if it is not, or takes over its key if it is.
     *
     * @throws IllegalArgumentException if the channel is closed
     */
    void register(SelectableChannel channel, Readiness readiness) {
        SelectionKey key = channel.keyFor(selector);
        if (key != null && key.isValid()) {
            key.interestOps(0);
            key.attach(readiness);
            readiness.key = key;
            return;
        }
        try {
            channel.configureBlocking(false);
            readiness.key = channel.register(selector, 0, readiness);
        } catch (ClosedChannelException e) {
            throw new IllegalArgumentException("the channel " + channel + " is closed", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not make " + channel + " non-blocking", e);
        }
    }

    /**
     * Lets the selector release the channels closed since its last {@code select}, which the JDK
     * keeps open until then: a server closed stops listening at once, as asyncio's does.
     */
    void releaseClosedChannels() {
        select(-1);
    }

    /** The buffer streams read into, empty; they leave it empty. Loop thread only. */
    java.nio.ByteBuffer readBuffer() {
        if (readBuffer == null) {
            readBuffer = java.nio.ByteBuffer.allocateDirect(256 * 1024);
        }
        return readBuffer;
    }

    /** The registration of {@code channel} with this loop's selector, or null if it has none or it was cancelled. */
    Registration registered(SelectableChannel channel) {
        SelectionKey key = channel.keyFor(selector);
        return key != null && key.isValid() && key.attachment() instanceof Registration registration
                ? registration
                : null;
    }

    boolean inLoopThread() {
        return Thread.currentThread() == thread;
    }

    /**
     * Hands {@code work} (a {@link Runnable}, or a {@link Task} to start) to the loop from
     * another thread, waking it if it is parked.
     *
     * @return false if the loop is closed and will never run it
     */
    boolean offer(Object work) {
        inbox.add(work);
        // Set before the final drain of the inbox: if it reads false here, the drain sees the work.
        if (closed && inbox.remove(work)) {
            return false;
        }
        if (parked) {
            selector.wakeup();
        }
        return true;
    }

    /** Runs {@code action} at the loop's next turn, also while it shuts down (when it is dropped); from any thread. */
    void soon(Runnable action) {
        if (inLoopThread()) {
            ready.add(action);
        } else {
            offer(action);
        }
    }

    /** Resumes {@code waiter} with this outcome at the loop's next turn; from any thread. */
    void wake(Waiter waiter, Object value, Throwable failure) {
        if (inLoopThread()) {
            waiter.value = value;
            waiter.failure = failure;
            ready.add(waiter);
        } else {
            // A closed loop has cancelled the task or gather waiting: nothing needs waking.
            offer((Runnable) () -> waiter.resume(value, failure));
        }
    }

    /**
     * Resumes {@code task} at the loop's next turn with the outcome of the stage it waits on (see
     * {@link Task#resumeQueued}); from any thread.
     */
    void wake(Task<?> task) {
        if (inLoopThread()) {
            ready.add(task);
        } else {
            offer((Runnable) task::resumeQueued);
        }
    }

    /**
     * Resumes {@code waiter} on the loop's thread when {@code stage} completes. A task of this
     * loop wakes it only once its coroutine is closed, if it is cancelled.
     */
    void whenDone(CompletionStage<?> stage, Waiter waiter) {
        if (stage instanceof Task && ((Task<?>) stage).loop == this) {
            ((Task<?>) stage).addWaiter(waiter);
        } else {
            stage.whenComplete(waiter);
        }
    }

    /** {@link #report} from any thread: on the loop's, or printed if it is closed. */
    void reportSoon(String context, Throwable thrown) {
        if (!offer((Runnable) () -> report(context, thrown))) {
            printException(context, thrown);
        }
    }

    void report(String context, Throwable thrown) {
        try {
            exceptionHandler.accept(context, thrown);
        } catch (Throwable inHandler) {
            printException("running the exception handler for: " + context, inHandler);
        }
    }

    void requireLoopThread(String what) {
        if (!inLoopThread()) {
            throw new IllegalStateException(
                    what + " must be called on the loop's thread (" + (thread == null ? "none" : thread.getName())
                            + "), not on " + Thread.currentThread().getName());
        }
    }

    private void start(Task<?> task) {
        if (task.isDone()) {
            // Cancelled before it started.
            task.close();
            return;
        }
        task.next = firstTask;
        if (firstTask != null) {
            firstTask.previous = task;
        }
        firstTask = task;
        taskCount++;
        wake(task);
    }

    /** Takes a finished task off the list of those started; does nothing if it never started. */
    void forget(Task<?> task) {
        if (task.previous == null && firstTask != task) {
            return;
        }
        if (task.previous != null) {
            task.previous.next = task.next;
        } else {
            firstTask = task.next;
        }
        if (task.next != null) {
            task.next.previous = task.previous;
        }
        task.previous = null;
        task.next = null;
        taskCount--;
    }

    /**
     * Counts a timer cancelled before it was due, and drops the cancelled ones from the queue once
     * they are over half of it: a task that waits a minute on a timeout it rarely reaches would
     * otherwise leave a cancelled timer per wait for a minute each.
     */
    void timerCancelled() {
        if (++timersCancelled > 64 && timersCancelled > timers.size() / 2) {
            timers.removeIf(Timer::isCancelled);
            timersCancelled = 0;
        }
    }

    private void schedule(Timer timer) {
        timer.sequence = timersScheduled++;
        timers.add(timer);
    }

    private void rejectIfClosed() {
        if (closed) {
            throw rejected();
        }
    }

    private RejectedExecutionException rejected() {
        return new RejectedExecutionException(this + " is closed");
    }

    /** {@code delay} in nanoseconds, clamped; negative ones stay negative, so that they fall due in their order. */
    static long nanos(Duration delay) {
        if (delay.getSeconds() >= MAX_DELAY / 1_000_000_000L) {
            return MAX_DELAY;
        }
        return delay.getSeconds() <= -MAX_DELAY / 1_000_000_000L ? -MAX_DELAY : delay.toNanos();
    }

    private static void printException(String context, Throwable thrown) {
        System.err.println("event loop: exception " + context);
        thrown.printStackTrace();
    }

    /** Throws {@code t}, checked or not, as it is. */
    @SuppressWarnings("unchecked")
    static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
