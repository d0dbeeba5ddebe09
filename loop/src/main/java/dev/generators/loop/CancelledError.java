package dev.generators.loop;

/**
 * Thrown at a task's pending yield when the task is {@linkplain Task#cancel(boolean) cancelled}:
 * asyncio's {@code CancelledError}. The body's {@code catch} and {@code finally} blocks see it
 * where the task waited, and may yield and wait before the task ends; a task that lets it
 * propagate ends cancelled (its future completes with a
 * {@link java.util.concurrent.CancellationException}); one that catches it and goes on is not
 * cancelled.
 *
 * <p>It is an {@link Error}, as {@code dev.generators.GeneratorExit} is and for the reason Python's
 * {@code CancelledError} is a {@code BaseException} since 3.8: the {@code catch (Exception e)} that
 * Java code writes around a yield (it must, to catch a checked exception the stage failed with)
 * must not swallow a cancel. The name is asyncio's; in Java an {@code Error}'s name ends so.
 * {@link java.util.concurrent.CancellationException}, an exception, is still what a cancelled
 * {@code Future} throws to those who ask it for its outcome, and what a task gets at the yield of
 * a stage someone else cancelled.
 */
public class CancelledError extends Error {
    private static final long serialVersionUID = 1L;

    /** A cancel without a stack trace: where it is made (the loop) says nothing; where it is thrown is the yield. */
    public CancelledError(String message) {
        this(message, null);
    }

    /** A cancel for what {@code cause} says: a timeout for the cancel that a stage ended with. */
    public CancelledError(String message, Throwable cause) {
        super(message, cause, true, false);
    }
}
