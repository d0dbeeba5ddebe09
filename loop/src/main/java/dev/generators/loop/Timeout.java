package dev.generators.loop;

import java.time.Duration;
import java.util.ArrayList;

/**
 * A time limit over a block of a task's code: asyncio's {@code async with asyncio.timeout(delay)},
 * made by {@link Async#timeout(Duration)} and closed by a try-with-resources.
 *
 * <pre>{@code
 * try (Timeout timeout = Async.timeout(Duration.ofSeconds(10))) {   // async with asyncio.timeout(10):
 *     Yield.all(stepOne());                                         //     await step_one()
 *     Yield.all(stepTwo());                                         //     await step_two()
 * } catch (AsyncTimeoutException e) {                               // except TimeoutError:
 *     ...
 * }
 * }</pre>
 *
 * <p>When the deadline passes, the task is {@linkplain Task#cancel() cancelled}, as asyncio's
 * scope does: the stage it waits on is cancelled, and the cancel is thrown at its pending yield.
 * If that cancel is this scope's alone (no other cancel of the task was asked for since the scope
 * opened, counted by {@link Task#cancelling()}), it is thrown as an {@link AsyncTimeoutException}
 * (a {@link CancelledError}, so that a {@code catch (Exception e)} in the block does not swallow
 * it), and the scope takes its cancel back ({@link Task#uncancel()}); otherwise it is a
 * {@link CancelledError}, and the task ends cancelled. Scopes nest: each fires at its own deadline,
 * and only its own cancel becomes a timeout.
 *
 * <p>Where asyncio turns the {@code CancelledError} into a {@code TimeoutError} at the end of the
 * block, a Java {@code close()} can't change the exception leaving the block; so the exception is
 * a timeout from the yield on. The difference shows only in code that catches it inside the block,
 * or, for an outer scope's timeout, between the end of an inner block and the end of the outer.
 * Use it on the loop's thread, in the task that made it.
 */
public final class Timeout implements AutoCloseable {
    private enum State {
        ENTERED,
        EXPIRING,
        EXPIRED,
        EXITED
    }

    private final Task<?> task;
    /** The task's cancel requests when the scope opened: asyncio's {@code _cancelling}. */
    final int cancellingAtEntry;

    private State state = State.ENTERED;
    private boolean expired;
    private Timer timer;
    /** When it fires, on the scale of {@link EventLoop#time()}; meaningless without a timer. */
    private long deadline;

    Timeout(Task<?> task, Duration delay) {
        this.task = task;
        this.cancellingAtEntry = task.cancelling();
        if (task.scopes == null) {
            task.scopes = new ArrayList<>(2);
        }
        task.scopes.add(this);
        schedule(delay);
    }

    /**
     * Moves the deadline to {@code delay} from now, or removes it with null: asyncio's
     * {@code reschedule()}. A deadline already past fires at the loop's next turn.
     *
     * @throws IllegalStateException if the scope has expired or is closed
     */
    public void reschedule(Duration delay) {
        task.loop.requireLoopThread("Timeout.reschedule");
        if (state != State.ENTERED) {
            throw new IllegalStateException(
                    "can't reschedule a timeout that has " + (state == State.EXITED ? "been closed" : "expired"));
        }
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        schedule(delay);
    }

    private void schedule(Duration delay) {
        if (delay != null) {
            deadline = task.loop.time() + EventLoop.nanos(delay);
            timer = task.loop.callLater(delay, this::fire);
        }
    }

    /** The time left until the deadline (negative once past), or null if there is none: asyncio's {@code when()}. */
    public Duration remaining() {
        return timer == null ? null : Duration.ofNanos(deadline - task.loop.time());
    }

    /** Whether the deadline passed while the scope was open: asyncio's {@code expired()}. */
    public boolean expired() {
        return expired;
    }

    boolean expiring() {
        return state == State.EXPIRING;
    }

    private void fire() {
        if (state != State.ENTERED) {
            return;
        }
        state = State.EXPIRING;
        expired = true;
        timer = null;
        task.requestCancel();
    }

    /** Its cancel is being thrown at the task's yield: taken back, and thrown as a timeout. */
    AsyncTimeoutException expire() {
        state = State.EXPIRED;
        task.uncancel();
        return new AsyncTimeoutException(task.name() + " timed out");
    }

    /**
     * Ends the scope: the end of the {@code async with} block. Its deadline no longer fires; a
     * cancel it asked for and that was not thrown as its timeout is taken back.
     */
    @Override
    public void close() {
        task.loop.requireLoopThread("Timeout.close");
        if (state == State.EXITED) {
            return;
        }
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        if (state == State.EXPIRING) {
            task.uncancel();
        }
        state = State.EXITED;
        task.scopes.remove(this);
    }

    @Override
    public String toString() {
        return "Timeout (" + state.name().toLowerCase(java.util.Locale.ROOT)
                + (timer == null ? "" : ", " + remaining().toMillis() + " ms left") + ")";
    }
}
