package dev.generators.loop;

import java.util.Collection;
import java.util.Iterator;

/**
 * The stage by which a task waits in line for something it must not lose: a semaphore's permit,
 * a queue's element. Handed the thing, it completes with it; the thing is the task's once the task
 * resumes ({@link Task} calls {@link #claim()}), and a cancel before that gives it back.
 *
 * @param <T> what it is handed
 */
abstract class Handout<T> extends InLine<T> implements Claimable {
    /** Whether {@link #handToFirst} handed it the thing. */
    private boolean handed;
    /** Whether the thing is the task's, or was given back: a cancel no longer concerns it. */
    private boolean claimed;
    /** Whether a gather or a {@code waitFor} holds it, and claims it or gives it back with its own outcome. */
    private boolean heldByClaimer;

    /** @param line the line it will wait in; whoever makes it adds it there (null if it overrides {@link #leave}) */
    Handout(Collection<?> line) {
        super(line);
    }

    /**
     * Hands {@code thing} to the first stage of {@code line} still waiting; each one passed leaves
     * the line. False if none was waiting.
     */
    static <T> boolean handToFirst(Collection<? extends Handout<T>> line, T thing) {
        for (Iterator<? extends Handout<T>> first = line.iterator(); first.hasNext(); ) {
            Handout<T> waiting = first.next();
            first.remove();
            // One completed by another hand (a cancel, a timeout) has left the line without it.
            if (!waiting.isDone()) {
                waiting.hand(thing);
                return true;
            }
        }
        return false;
    }

    /** Completes it with {@code thing}, which a cancel before its task resumes gives back. */
    final void hand(T thing) {
        handed = true;
        complete(thing);
        if (!claimed && !heldByClaimer && claimsItself()) {
            // Taken by something other than a task (a gather, a callback), it is theirs at the next turn.
            EventLoop loop = EventLoop.running();
            if (loop == null) {
                claim();
            } else {
                loop.execute(this::claim);
            }
        }
    }

    @Override
    public final void heldByClaimer() {
        heldByClaimer = true;
    }

    @Override
    public final void claim() {
        if (handed && !claimed) {
            claimed = true;
            claimed(getNow(null));
        }
    }

    /**
     * Whether the owner must know when the thing is taken ({@link #claimed}): then a stage handed it
     * and not resumed with by a task claims it itself at the loop's next turn, after the task that
     * waits on it, if any, has resumed.
     */
    boolean claimsItself() {
        return false;
    }

    /** The task resumed with {@code thing}: it is the task's now. */
    void claimed(T thing) {}

    @Override
    public final boolean cancel(boolean mayInterruptIfRunning) {
        if (super.cancel(mayInterruptIfRunning)) {
            return true;
        }
        if (handed && !claimed) {
            claimed = true;
            giveBack(getNow(null));
        }
        return false;
    }

    /** Cancelled after it was handed {@code thing} and before its task resumed with it. */
    abstract void giveBack(T thing);
}
