package bench;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;

/**
 * 0, 1, ..., n-1 the way one writes a generator without a rewriter: the body runs on a thread of
 * its own and hands each value over a {@link SynchronousQueue}. With a platform thread per
 * generator, or a virtual one where the JDK has them (21 and later).
 */
public final class Threads {

    private static final Object END = new Object();

    /** Virtual threads, reached reflectively so that this compiles for Java 17; null before JDK 21. */
    static final ThreadFactory VIRTUAL = virtualThreads();

    private Threads() {
    }

    public static Iterator<Integer> range(int n, ThreadFactory threads) {
        SynchronousQueue<Object> handOff = new SynchronousQueue<>();
        Thread body = threads.newThread(() -> {
            try {
                for (int i = 0; i < n; i++) {
                    handOff.put(i);
                }
                handOff.put(END);
            } catch (InterruptedException abandoned) {
                Thread.currentThread().interrupt();
            }
        });
        body.setDaemon(true);
        body.start();
        return new Iterator<>() {
            private Object next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    try {
                        next = handOff.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
                return next != END;
            }

            @Override
            public Integer next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Object value = next;
                next = null;
                return (Integer) value;
            }
        };
    }

    public static Iterator<Integer> platformRange(int n) {
        return range(n, Thread::new);
    }

    public static Iterator<Integer> virtualRange(int n) {
        if (VIRTUAL == null) {
            throw new UnsupportedOperationException("virtual threads need JDK 21 or later; this is " + Runtime.version());
        }
        return range(n, VIRTUAL);
    }

    private static ThreadFactory virtualThreads() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            return (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
        } catch (ReflectiveOperationException beforeJdk21) {
            return null;
        }
    }
}
