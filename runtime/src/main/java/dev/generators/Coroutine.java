package dev.generators;

import java.util.Iterator;

/**
 * A generator with Python's whole protocol (PEP 342 and PEP 380). Every object made by a
 * {@code @Generator} method is a {@code Coroutine} at run time, whatever the method declares.
 *
 * <table>
 *   <caption>Java and Python side by side</caption>
 *   <tr><th>Java</th><th>Python</th></tr>
 *   <tr><td>{@code next()}</td><td>{@code next(g)}</td></tr>
 *   <tr><td>{@code send(v)}</td><td>{@code g.send(v)}</td></tr>
 *   <tr><td>{@code raise(t)}</td><td>{@code g.throw(t)}</td></tr>
 *   <tr><td>{@code close()}</td><td>{@code g.close()}</td></tr>
 *   <tr><td>{@code result()}</td><td>{@code StopIteration.value}</td></tr>
 * </table>
 *
 * @param <Y> the type of the values yielded
 * @param <S> the type of the values sent in
 * @param <R> the type of the result given to {@code Yield.done(r)}
 */
public interface Coroutine<Y, S, R> extends Iterator<Y>, AutoCloseable {

    /**
     * Resumes the body, making the pending {@code Yield.value(...)} evaluate to {@code value}.
     * A generator that has not started yet can only be sent {@code null}.
     *
     * @return the next value the body yields
     * @throws java.util.NoSuchElementException if the body finishes instead of yielding
     * @throws IllegalStateException if a value fetched ahead by {@link #hasNext()} was not yet
     *     taken by {@link #next()}, or a non-null value is sent to a generator not yet started
     */
    Y send(S value);

    /**
     * Resumes the body by throwing {@code exception} at the pending yield, where the body's own
     * {@code catch} and {@code finally} blocks see it. Python's {@code throw}.
     *
     * @return the next value the body yields after handling the exception
     * @throws java.util.NoSuchElementException if the body handles it and finishes
     */
    Y raise(Throwable exception);

    /**
     * Throws {@link GeneratorExit} at the pending yield, so that the body's {@code finally}
     * blocks run. Does nothing before the first resume (beyond finishing the generator) or after
     * the end.
     *
     * @throws IllegalStateException if the body yields again instead of finishing
     */
    @Override
    void close();

    /**
     * The value given to {@code Yield.done(r)}.
     *
     * @throws IllegalStateException if the body has not finished by returning
     */
    R result();

    /** Whether the body has finished: by returning, by an exception, or by a close. */
    boolean isDone();
}
