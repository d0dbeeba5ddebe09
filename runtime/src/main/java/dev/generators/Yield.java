package dev.generators;

import java.util.Iterator;

/**
 * The calls a {@link Generator @Generator} method's body uses. Each is a marker that the
 * {@code generators-maven-plugin} replaces with a suspension of the state machine; none of them
 * runs in rewritten code. Reached at run time, they mean the method was not rewritten, and throw
 * {@link IllegalStateException} saying so.
 */
public final class Yield {

    private Yield() {}

    /**
     * Suspends the generator, handing {@code value} to the consumer: Python's {@code x = yield v}.
     *
     * @return the value the consumer sends in with {@link Coroutine#send}, {@code null} after a
     *     plain {@code next()}
     */
    public static <S> S value(Object value) {
        throw notRewritten("value");
    }

    /**
     * Yields every element of {@code source}: Python's {@code yield from}.
     *
     * @return {@code null}: an {@code Iterable} has no result
     */
    public static <R> R all(Iterable<?> source) {
        throw notRewritten("all");
    }

    /**
     * Yields every remaining element of {@code source}: Python's {@code yield from}.
     *
     * @return {@code null}: an {@code Iterator} has no result
     */
    public static <R> R all(Iterator<?> source) {
        throw notRewritten("all");
    }

    /**
     * Runs {@code source} to its end inside this generator, passing its values out and forwarding
     * {@code send}, {@code raise} and {@code close} to it: Python's {@code r = yield from source}.
     *
     * @return the result of {@code source}
     */
    public static <R> R all(Coroutine<?, ?, R> source) {
        throw notRewritten("all");
    }

    /** Finishes the generator with no result: Python's {@code return}. Write {@code return Yield.done();}. */
    public static <T> T done() {
        throw notRewritten("done");
    }

    /**
     * Finishes the generator with {@code result}, which {@link Coroutine#result()} then returns:
     * Python's {@code return r}. Write {@code return Yield.done(r);}.
     */
    public static <T> T done(Object result) {
        throw notRewritten("done");
    }

    /** Set by the generators agent when it starts, so that a message need not suggest running it. */
    static final String AGENT_PROPERTY = "generators.agent";

    private static IllegalStateException notRewritten(String call) {
        StackTraceElement[] stack = new Throwable().getStackTrace();
        String where = stack.length > 2 ? stack[2].getClassName() + "." + stack[2].getMethodName() : "a method";
        String start = "Yield." + call + " was called in " + where + ", which was not rewritten into a generator: ";
        if (System.getProperty(AGENT_PROPERTY) != null) {
            return new IllegalStateException(start + "the generators agent is running but left this class as it was;"
                    + " the line it printed with [generators] when the class loaded says why (a Yield call outside"
                    + " a @dev.generators.Generator method, in a lambda, in a synchronized block, ...), unless the"
                    + " class loaded before the agent started");
        }
        return new IllegalStateException(start + "annotate the method @dev.generators.Generator and add the"
                + " generators-maven-plugin (goals rewrite and rewrite-tests) to the build, or run with"
                + " -javaagent:generators-maven-plugin-<version>-agent.jar (docs/outside-maven.md)");
    }
}
