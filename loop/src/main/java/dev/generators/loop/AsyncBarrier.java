package dev.generators.loop;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.concurrent.CompletableFuture;

/**
 * A meeting point for a fixed number of tasks of one loop: asyncio's {@code Barrier}. Each task
 * yields {@link #waitFor()}; when the last of {@link #parties()} arrives, all go on, each with its
 * index in the order they came, {@code 0} to {@code parties - 1}. Then it fills again.
 *
 * <pre>{@code
 * int index = Yield.value(barrier.waitFor());   // index = await barrier.wait()
 * }</pre>
 *
 * <p>The wait is {@code waitFor()} as for {@link AsyncEvent} and {@link AsyncCondition}, not
 * {@code await()}: {@link java.util.concurrent.CyclicBarrier#await()} blocks, and numbers the
 * arrivals the other way round (the last gets 0; asyncio's first gets 0, as here).
 *
 * <p>As asyncio's, it drains before it fills again: the tasks that arrive after it has let a round
 * go, while that round's tasks have yet to resume (up to the loop's next turn), wait for the next
 * round, and {@link #waiting()} is 0 meanwhile. {@link #reset()} fails the tasks waiting with an
 * {@link AsyncBrokenBarrierException} and lets it fill again; {@link #abort()} fails them and breaks
 * it, so that later waits fail at once, until a reset. Both act at once: asyncio's are coroutines
 * only to take the lock of the condition its barrier is made of. A task cancelled while it waits
 * leaves the barrier, which then waits for one more. Use it on the loop's thread.
 */
public final class AsyncBarrier {
    private enum State {
        FILLING,
        DRAINING,
        RESETTING,
        BROKEN;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final int parties;
    private State state = State.FILLING;
    /** The tasks waiting for the barrier to fill, in the order they came. */
    private final LinkedHashSet<Arrival> filling = new LinkedHashSet<>();
    /** The tasks that came while it drained or reset, waiting for the next round. */
    private final LinkedHashSet<Arrival> blocked = new LinkedHashSet<>();
    /** Counts the rounds let go and the resets, so that an end of a drain queued for one leaves the next alone. */
    private int round;
    /** The tasks of the round let go that have not yet resumed: the drain ends when the last has. */
    private int leaving;

    /**
     * A barrier for {@code parties} tasks: {@code asyncio.Barrier(parties)}.
     *
     * @throws IllegalArgumentException if {@code parties} is less than 1
     */
    public AsyncBarrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("an AsyncBarrier needs 1 or more parties, not " + parties);
        }
        this.parties = parties;
    }

    /**
     * A stage that completes with this task's index once {@link #parties()} tasks have arrived:
     * {@code await barrier.wait()}. The last to arrive gets a stage already complete, and goes on
     * first, without letting the others run; they resume in the order they came.
     *
     * <p>It fails with {@link AsyncBrokenBarrierException} if the barrier is broken, or is reset or
     * aborted while the task waits.
     */
    public CompletableFuture<Integer> waitFor() {
        Arrival arrival = new Arrival();
        if (state == State.BROKEN) {
            arrival.completeExceptionally(new AsyncBrokenBarrierException("Barrier aborted"));
        } else if (state == State.FILLING) {
            arrive(arrival);
        } else {
            blocked.add(arrival);
        }
        return arrival;
    }

    private void arrive(Arrival arrival) {
        filling.add(arrival);
        if (filling.size() < parties) {
            return;
        }
        state = State.DRAINING;
        Arrival[] leavers = filling.toArray(new Arrival[0]);
        filling.clear();
        round++;
        leaving = leavers.length;
        for (int i = 0; i < leavers.length; i++) {
            leavers[i].round = round;
            leavers[i].complete(i);
        }
        endDrainLater();
    }

    /**
     * Ends the drain or reset at the loop's next turn, when the tasks woken have resumed, if the
     * last of them has not ended it already: a wait held by something other than a task is
     * counted as left then.
     */
    private void endDrainLater() {
        int now = round;
        EventLoop.current().execute(() -> endDrain(now));
    }

    /** One of the round let go resumed: the last to leave ends the drain, and sees the barrier filling. */
    private void left(Arrival arrival) {
        if (arrival.round == round && state == State.DRAINING && --leaving == 0) {
            endDrain(round);
        }
    }

    private void endDrain(int ofRound) {
        if (ofRound != round) {
            return;
        }
        if (state == State.DRAINING || state == State.RESETTING) {
            state = State.FILLING;
        }
        for (Iterator<Arrival> next = blocked.iterator();
                state == State.FILLING && next.hasNext();
                next = blocked.iterator()) {
            Arrival arrival = next.next();
            next.remove();
            arrive(arrival);
        }
    }

    /**
     * Lets the barrier fill again from none: the tasks waiting fail with
     * {@link AsyncBrokenBarrierException}, and a broken barrier is mended: {@code await
     * barrier.reset()}.
     */
    public void reset() {
        boolean busy = !filling.isEmpty() || state == State.DRAINING || state == State.RESETTING;
        fail(filling, "Abort or reset of barrier");
        if (busy) {
            state = State.RESETTING;
            round++;
            endDrainLater();
        } else {
            state = State.FILLING;
        }
    }

    /**
     * Breaks the barrier: the tasks waiting, and those that wait later (until a {@link #reset()}),
     * fail with {@link AsyncBrokenBarrierException}: {@code await barrier.abort()}.
     */
    public void abort() {
        state = State.BROKEN;
        fail(filling, "Abort or reset of barrier");
        fail(blocked, "Barrier aborted");
    }

    private static void fail(LinkedHashSet<Arrival> arrivals, String message) {
        Arrival[] failed = arrivals.toArray(new Arrival[0]);
        arrivals.clear();
        for (Arrival arrival : failed) {
            arrival.completeExceptionally(new AsyncBrokenBarrierException(message));
        }
    }

    /** The number of tasks it takes to let them go: {@code barrier.parties}. */
    public int parties() {
        return parties;
    }

    /** The number of tasks waiting for it to fill, 0 while it drains or resets: {@code barrier.n_waiting}. */
    public int waiting() {
        return state == State.FILLING ? filling.size() : 0;
    }

    /** Whether it was aborted and not reset since: {@code barrier.broken}. */
    public boolean isBroken() {
        return state == State.BROKEN;
    }

    /** {@code AsyncBarrier [filling, waiters:2/3]}, as asyncio's shows it. */
    @Override
    public String toString() {
        return "AsyncBarrier [" + state + (state == State.BROKEN ? "" : ", waiters:" + waiting() + "/" + parties) + "]";
    }

    private final class Arrival extends CompletableFuture<Integer> implements Claimable {
        /** The round it was let go in; 0 until then. */
        int round;

        private boolean left;

        @Override
        public void claim() {
            if (round != 0 && !left) {
                left = true;
                left(this);
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (cancelled && !filling.remove(this)) {
                blocked.remove(this);
            }
            return cancelled;
        }
    }
}
