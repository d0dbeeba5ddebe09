package dev.generators.loop;

import dev.generators.Coroutine;
import java.util.NoSuchElementException;

/**
 * A coroutine written by hand as one function, for tests that loop: the function is called with
 * what each resume brought (null first, then the value sent or the exception raised) and returns
 * what to yield next, or {@link #end} to finish with a result. It keeps its own state in the
 * captured variables, as a hand-written state machine does in fields.
 */
final class Driven<R> implements Coroutine<Object, Object, R> {
    interface Body {
        Object resume(Object in) throws Exception;
    }

    private static final Object END = new Object();

    private final Body body;
    private boolean done;
    private Object result;
    private boolean returned;
    /** Whether it was closed at a yield (the loop's cancel, today). */
    boolean closed;

    Driven(Body body) {
        this.body = body;
    }

    /** What the body returns to finish with {@code result}. */
    static Object end(Object result) {
        return new Object[] {END, result};
    }

    @Override
    public Object send(Object value) {
        return resume(value);
    }

    @Override
    public Object raise(Throwable exception) {
        return resume(exception);
    }

    private Object resume(Object in) {
        if (done) {
            throw new NoSuchElementException("finished");
        }
        Object next;
        try {
            next = body.resume(in);
        } catch (Exception e) {
            done = true;
            throw Driven.<RuntimeException>sneaky(e);
        }
        if (next instanceof Object[] && ((Object[]) next).length == 2 && ((Object[]) next)[0] == END) {
            done = true;
            returned = true;
            result = ((Object[]) next)[1];
            throw new NoSuchElementException("finished");
        }
        return next;
    }

    @Override
    public void close() {
        if (!done) {
            closed = true;
        }
        done = true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public R result() {
        if (!returned) {
            throw new IllegalStateException("no result");
        }
        return (R) result;
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
