package dev.generators.loop;

import java.time.Duration;

/**
 * The loop's debug mode: a daemon thread that looks at the step running on the loop's thread and,
 * when one has run longer than the threshold, reports it to the loop's exception handler with
 * the generator's class, method and line where the loop's thread is at that moment: asyncio's
 * {@code loop.slow_callback_duration} warning in debug mode. The report is made from this thread
 * while the step still runs, since the loop's own thread is the one held up; each slow step is
 * reported once.
 */
final class SlowStepWatch implements Runnable {
    private final EventLoop loop;
    private final long threshold;
    private final Thread loopThread;

    /** The step running: its task and coroutine, when it began, and a count that tells steps apart. */
    private volatile Task<?> task;

    private volatile Object coroutine;
    private volatile long began;
    private volatile long serial;
    private long reported = -1;
    private volatile boolean stopped;

    SlowStepWatch(EventLoop loop, Thread loopThread, Duration threshold) {
        this.loop = loop;
        this.loopThread = loopThread;
        this.threshold = Math.max(1, threshold.toNanos());
    }

    void begin(Task<?> task, Object coroutine) {
        this.task = task;
        this.coroutine = coroutine;
        began = System.nanoTime();
        serial++;
    }

    void end() {
        task = null;
        coroutine = null;
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        long pause = Math.max(threshold / 2, 100_000L);
        while (!stopped && !loop.isClosed()) {
            try {
                Thread.sleep(pause / 1_000_000L, (int) (pause % 1_000_000L));
            } catch (InterruptedException e) {
                return;
            }
            Task<?> running = task;
            Object generator = coroutine;
            long step = serial;
            if (running == null || step == reported || System.nanoTime() - began < threshold) {
                continue;
            }
            StackTraceElement[] stack = loopThread.getStackTrace();
            if (task != running || serial != step) {
                continue; // it ended meanwhile: the stack is another step's
            }
            reported = step;
            loop.report(
                    "a step of " + running.name() + " has run for more than " + threshold / 1_000_000.0 + " ms, at "
                            + where(generator, stack),
                    new SlowStepWarning(running.name(), stack));
        }
    }

    /** What the rewriter appends to a generator's name to name the method that holds its body. */
    private static final String BODY = "-body";

    /**
     * The frame of the innermost generator body running in {@code stack} (one of a coroutine run
     * through {@code Yield.all} too): the rewritten body is the method {@code method-body} of the
     * class that declares it, called by the generated {@code Owner$method$Generator} (with a number
     * after it for an overload).
     */
    static String where(Object generator, StackTraceElement[] stack) {
        for (int i = 0; i + 1 < stack.length; i++) {
            StackTraceElement frame = stack[i];
            String method = frame.getMethodName();
            if (!method.endsWith(BODY)) {
                continue;
            }
            String name = method.substring(0, method.length() - BODY.length());
            String caller = stack[i + 1].getClassName();
            String generated = frame.getClassName() + "$" + name + "$Generator";
            if (caller.startsWith(generated)
                    && caller.substring(generated.length()).chars().allMatch(Character::isDigit)) {
                // Named as the user wrote it, at the line the body holds up.
                return frame.getClassName() + "." + name + "(" + frame.getFileName() + ":" + frame.getLineNumber()
                        + ")";
            }
        }
        return (generator == null ? "" : generator + ", ") + (stack.length > 0 ? stack[0] : "an unknown place");
    }

    /** What the slow-step report carries: the stack of the loop's thread when it was seen. */
    static final class SlowStepWarning extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SlowStepWarning(String task, StackTraceElement[] stack) {
            super("slow step of " + task, null, false, true);
            setStackTrace(stack);
        }
    }
}
