package dev.generators.loop;

/**
 * A time limit ran out: asyncio's {@code TimeoutError}. What {@link Async#waitFor} fails with, and
 * what an {@link Async#timeout(java.time.Duration)} scope throws at the task's pending yield when
 * its deadline passes.
 *
 * <p>It is a {@link CancelledError}, and so an {@link Error}: inside a timeout scope the timeout is
 * the cancel of the block, which a {@code catch (Exception e)} around a yield in it must not
 * swallow (asyncio's block sees a {@code CancelledError} there, turned into {@code TimeoutError}
 * at its end); catch it by name after the block, or around the {@code waitFor}. A task that lets
 * it propagate fails with it, as an asyncio task fails with {@code TimeoutError}: it is not
 * cancelled. Unchecked, unlike {@link java.util.concurrent.TimeoutException}, as javac refuses to
 * catch a checked exception that the {@code try} block cannot throw, and {@code Yield.value}
 * declares none.
 */
public class AsyncTimeoutException extends CancelledError {
    private static final long serialVersionUID = 1L;

    public AsyncTimeoutException(String message) {
        super(message);
    }

    public AsyncTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
