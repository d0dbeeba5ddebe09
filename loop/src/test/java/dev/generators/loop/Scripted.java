package dev.generators.loop;

import dev.generators.Coroutine;
import dev.generators.GeneratorExit;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A coroutine written by hand, for testing the loop without the plugin: it yields the given
 * values one by one, records what each resume brought (the value sent, or the exception raised),
 * and returns {@code result} after the last. A value made by {@link #step} is called when its turn
 * comes, and what it returns is yielded: code that runs at that point of the task (acquires,
 * spawns, cancels). A cancel ({@link CancelledError}) is not caught: it runs the {@link #onClose}
 * cleanup and propagates, as through a {@code finally} around the whole script.
 */
final class Scripted<R> implements Coroutine<Object, Object, R> {
    private final Object[] yields;
    private final R result;
    private int next;
    private boolean started;
    private boolean done;
    private boolean returned;
    final List<Object> received = new ArrayList<>();
    final List<Thread> threads = new ArrayList<>();
    boolean closedAtAYield;
    /** What a {@code finally} around the whole script would do when it is closed at a yield. */
    private Runnable onClose;

    Scripted(R result, Object... yields) {
        this.yields = yields;
        this.result = result;
    }

    @Override
    public Object send(Object value) {
        return resume(value);
    }

    @Override
    public Object raise(Throwable exception) {
        if (!started || done) {
            done = true;
            throw Scripted.<RuntimeException>sneaky(exception);
        }
        if (exception instanceof CancelledError && !(exception instanceof AsyncTimeoutException)) {
            // A cancel runs the cleanup, as a finally around the whole script would, and propagates.
            closedAtAYield = true;
            received.add(exception);
            done = true;
            if (onClose != null) {
                onClose.run();
            }
            throw Scripted.<RuntimeException>sneaky(exception);
        }
        return resume(exception);
    }

    private Object resume(Object in) {
        if (done) {
            throw new NoSuchElementException("finished");
        }
        threads.add(Thread.currentThread());
        if (started) {
            received.add(in);
        }
        started = true;
        if (next == yields.length) {
            done = true;
            returned = true;
            throw new NoSuchElementException("finished");
        }
        Object yielded = yields[next++];
        return yielded instanceof Step ? ((Step) yielded).run() : yielded;
    }

    /** Code to run when the script gets to it, yielding what it returns. */
    static Object step(Step step) {
        return step;
    }

    /** Runs {@code cleanup} when the script is closed at a yield, as a {@code finally} would. */
    Scripted<R> onClose(Runnable cleanup) {
        this.onClose = cleanup;
        return this;
    }

    interface Step {
        Object run();
    }

    @Override
    public void close() {
        if (started && !done) {
            closedAtAYield = true;
            received.add(new GeneratorExit());
            done = true;
            if (onClose != null) {
                onClose.run();
            }
        }
        done = true;
    }

    @Override
    public R result() {
        if (!returned) {
            throw new IllegalStateException("no result");
        }
        return result;
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public boolean hasNext() {
        throw new UnsupportedOperationException("the loop only sends and raises");
    }

    @Override
    public Object next() {
        return send(null);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
