package bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * 0, 1, ..., n-1 on the JDK's own one-shot continuations, {@code jdk.internal.vm.Continuation}
 * (what virtual threads are built on): the generator Loom would give without a scheduler.
 * Internal API, so reached through method handles; needs JDK 21 or later and
 * {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED}.
 */
public final class Continuations {

    static final boolean AVAILABLE;
    /** Why they are not available, if not. */
    private static final String WHY;
    private static final Object SCOPE;
    private static final MethodHandle NEW;
    private static final MethodHandle RUN;
    private static final MethodHandle IS_DONE;
    private static final MethodHandle YIELD;

    static {
        Object scope = null;
        String why = null;
        MethodHandle make = null;
        MethodHandle run = null;
        MethodHandle isDone = null;
        MethodHandle yield = null;
        try {
            Class<?> scopes = Class.forName("jdk.internal.vm.ContinuationScope");
            Class<?> continuations = Class.forName("jdk.internal.vm.Continuation");
            // Not publicLookup(): it sees only packages exported to everyone, not those --add-exports opens.
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            scope = lookup.findConstructor(scopes, MethodType.methodType(void.class, String.class)).invoke("generators");
            make = lookup.findConstructor(continuations, MethodType.methodType(void.class, scopes, Runnable.class))
                    .asType(MethodType.methodType(Object.class, Object.class, Runnable.class));
            run = lookup.findVirtual(continuations, "run", MethodType.methodType(void.class))
                    .asType(MethodType.methodType(void.class, Object.class));
            isDone = lookup.findVirtual(continuations, "isDone", MethodType.methodType(boolean.class))
                    .asType(MethodType.methodType(boolean.class, Object.class));
            yield = lookup.findStatic(continuations, "yield", MethodType.methodType(boolean.class, scopes))
                    .asType(MethodType.methodType(boolean.class, Object.class));
        } catch (Throwable unavailable) {
            // Before JDK 21, or without --add-exports java.base/jdk.internal.vm=ALL-UNNAMED.
            scope = null;
            why = unavailable.toString();
        }
        WHY = why;
        AVAILABLE = scope != null;
        SCOPE = scope;
        NEW = make;
        RUN = run;
        IS_DONE = isDone;
        YIELD = yield;
    }

    private Continuations() {
    }

    public static Iterator<Integer> range(int n) {
        if (!AVAILABLE) {
            throw new UnsupportedOperationException("jdk.internal.vm.Continuation needs JDK 21 or later and"
                    + " --add-exports java.base/jdk.internal.vm=ALL-UNNAMED; this is " + Runtime.version() + ": " + WHY);
        }
        return new Iterator<>() {
            private int value;
            private boolean ahead;
            private final Object continuation = newContinuation(() -> {
                for (int i = 0; i < n; i++) {
                    value = i;
                    yieldHere();
                }
            });

            @Override
            public boolean hasNext() {
                if (!ahead) {
                    run(continuation);
                    ahead = !isDone(continuation);
                }
                return ahead;
            }

            @Override
            public Integer next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ahead = false;
                return value;
            }
        };
    }

    private static Object newContinuation(Runnable body) {
        try {
            return (Object) NEW.invokeExact(SCOPE, body);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static void run(Object continuation) {
        try {
            RUN.invokeExact(continuation);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static boolean isDone(Object continuation) {
        try {
            return (boolean) IS_DONE.invokeExact(continuation);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static void yieldHere() {
        try {
            boolean ignored = (boolean) YIELD.invokeExact(SCOPE);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException) {
            return (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        return new IllegalStateException(t);
    }
}
