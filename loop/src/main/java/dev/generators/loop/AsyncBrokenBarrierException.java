package dev.generators.loop;

/**
 * What {@link AsyncBarrier#waitFor()} fails with when the barrier is reset or aborted while the
 * task waits, or is broken when it arrives: asyncio's {@code BrokenBarrierError}. Unchecked, unlike
 * {@link java.util.concurrent.BrokenBarrierException}, for the reason {@link AsyncTimeoutException}
 * is: javac refuses to catch a checked exception that the {@code try} block cannot throw, and
 * {@code Yield.value} declares none.
 */
public class AsyncBrokenBarrierException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AsyncBrokenBarrierException(String message) {
        super(message);
    }
}
