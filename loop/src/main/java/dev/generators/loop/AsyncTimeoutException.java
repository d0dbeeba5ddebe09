package dev.generators.loop;

/**
 * What {@link Async#waitFor} fails with when its time is up: asyncio's {@code TimeoutError}.
 * Unchecked, unlike {@link java.util.concurrent.TimeoutException}, so that a task can catch it
 * around the {@code Yield.value} that waits (javac refuses to catch a checked exception that the
 * {@code try} block cannot throw, and {@code Yield.value} declares none).
 */
public class AsyncTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AsyncTimeoutException(String message) {
        super(message);
    }
}
