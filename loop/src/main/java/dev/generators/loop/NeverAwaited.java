package dev.generators.loop;

import dev.generators.Coroutine;
import dev.generators.StateMachine;
import java.lang.ref.Cleaner;

/**
 * A coroutine created on a running loop's thread, watched until it is first used: yielded with
 * {@code Yield.all}, spawned, resumed or closed. If it is collected first, the loop's exception
 * handler is told, with the coroutine's name and the task that created it: Python's
 * "RuntimeWarning: coroutine ... was never awaited".
 *
 * <p>The runtime tells the watcher of each coroutine created ({@link StateMachine#watchCoroutines});
 * a generator of any other kind ({@code Iterable}, {@code Iterator}, {@code Stream}) is never
 * watched. The watcher is installed while some loop runs, and watches only coroutines created on
 * the thread of a running loop: one created elsewhere and driven by hand is none of the loop's
 * business, as the loop never sees it.
 */
final class NeverAwaited implements Runnable {
    /** How many loops run: the watcher is installed while there is one. */
    private static int loopsRunning;

    private final EventLoop loop;
    private final Class<?> coroutine;
    /** The class of the coroutine of the task that created it, or null if none ran. */
    private final Class<?> creator;
    /** In the debug mode, where the coroutine was created; otherwise made at the report, without a stack. */
    private final NeverAwaitedWarning createdAt;

    private Cleaner.Cleanable cleanable;
    private volatile boolean used;

    private NeverAwaited(EventLoop loop, Class<?> coroutine, Class<?> creator, NeverAwaitedWarning createdAt) {
        this.loop = loop;
        this.coroutine = coroutine;
        this.creator = creator;
        this.createdAt = createdAt;
    }

    /** A loop begins to run on its thread. */
    static synchronized void loopStarted() {
        if (loopsRunning++ == 0) {
            StateMachine.watchCoroutines(NeverAwaited::watch);
        }
    }

    /** A loop has stopped running. */
    static synchronized void loopStopped() {
        if (--loopsRunning == 0) {
            StateMachine.watchCoroutines(null);
        }
    }

    /** What the runtime runs at the coroutine's first use, or null if it is not watched. */
    private static Runnable watch(Coroutine<?, ?, ?> created) {
        EventLoop loop = EventLoop.running();
        if (loop == null || loop.isClosed()) {
            return null;
        }
        Task<?> current = loop.current;
        NeverAwaited watch = new NeverAwaited(
                loop,
                created.getClass(),
                current == null ? null : current.coroutineClass(),
                loop.slowStepWatch == null ? null : new NeverAwaitedWarning(true));
        watch.cleanable = UnretrievedFailure.CLEANER.register(created, watch::collected);
        return watch;
    }

    /** The coroutine's first use: it is no longer watched. */
    @Override
    public void run() {
        used = true;
        cleanable.clean();
    }

    private void collected() {
        if (!used) {
            String creatorName = creator == null ? "a callback" : "task of " + name(creator);
            loop.reportSoon(
                    name(coroutine) + " was never awaited: " + creatorName
                            + " created it, and it was neither yielded with Yield.all nor spawned",
                    createdAt != null ? createdAt : new NeverAwaitedWarning(false));
        }
    }

    private static String name(Class<?> coroutine) {
        return StateMachine.class.isAssignableFrom(coroutine)
                ? StateMachine.describe(coroutine)
                : "coroutine " + coroutine.getName();
    }

    /**
     * What the report of a coroutine never awaited carries: in the loop's debug mode
     * ({@link EventLoop#setSlowStepThreshold}), the stack where it was created, as asyncio's debug
     * mode tracks a coroutine's origin; otherwise no stack.
     */
    static final class NeverAwaitedWarning extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NeverAwaitedWarning(boolean withStack) {
            super(withStack ? "the coroutine was created here" : "coroutine never awaited", null, false, withStack);
        }
    }
}
