package dev.generators.loop;

import java.util.Set;

/**
 * What {@link Async#wait} completes with: the stages done and those still pending, each set in the
 * order the stages were given: {@code done, pending = await asyncio.wait(...)}.
 *
 * @param <S> the type of the stages
 */
public final class DoneAndPending<S> {
    private final Set<S> done;
    private final Set<S> pending;

    DoneAndPending(Set<S> done, Set<S> pending) {
        this.done = done;
        this.pending = pending;
    }

    /** The stages that had completed (with a value, a failure or a cancel); unmodifiable. */
    public Set<S> done() {
        return done;
    }

    /** The stages that had not; unmodifiable. */
    public Set<S> pending() {
        return pending;
    }

    @Override
    public String toString() {
        return "done " + done + ", pending " + pending;
    }
}
