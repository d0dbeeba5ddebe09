package dev.generators.loop;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

/**
 * What {@link Async#wait} returns: which of its stages are done, once {@link ReturnWhen} says so
 * or the timeout has passed. Unlike {@code gather} and {@code waitFor}, it cancels nothing: not
 * the stages when time is up, nor when it is itself cancelled. Its state is touched on the loop's
 * thread only, where each stage's outcome arrives.
 */
final class Waiting<S extends CompletionStage<?>> extends CompletableFuture<DoneAndPending<S>> {
    private final List<S> stages;
    private final boolean[] arrived;
    private final ReturnWhen returnWhen;
    /** Null without a timeout. */
    private final Timer timer;

    private int remaining;

    Waiting(EventLoop loop, List<S> stages, ReturnWhen returnWhen, Duration timeout) {
        this.stages = stages;
        this.returnWhen = returnWhen;
        this.arrived = new boolean[stages.size()];
        this.remaining = stages.size();
        this.timer = timeout == null ? null : loop.callLater(timeout, this::finish);
        for (int i = 0; i < arrived.length; i++) {
            loop.whenDone(stages.get(i), new Part(loop, i));
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled && timer != null) {
            timer.cancel();
        }
        return cancelled;
    }

    private void finish() {
        if (isDone()) {
            return;
        }
        if (timer != null) {
            timer.cancel();
        }
        Set<S> done = new LinkedHashSet<>();
        Set<S> pending = new LinkedHashSet<>();
        for (int i = 0; i < arrived.length; i++) {
            S stage = stages.get(i);
            // Done also if it completed but its outcome is still on its way to the loop, as asyncio's done() says.
            boolean isDone = arrived[i] || stage instanceof Future && ((Future<?>) stage).isDone();
            (isDone ? done : pending).add(stage);
        }
        super.complete(new DoneAndPending<>(Collections.unmodifiableSet(done), Collections.unmodifiableSet(pending)));
    }

    private final class Part extends Waiter {
        private final int index;

        Part(EventLoop loop, int index) {
            super(loop);
            this.index = index;
        }

        @Override
        void resume(Object value, Throwable failure) {
            if (isDone()) {
                return;
            }
            arrived[index] = true;
            remaining--;
            boolean failed = failure != null && !(failure instanceof CancellationException);
            if (remaining == 0
                    || returnWhen == ReturnWhen.FIRST_COMPLETED
                    || returnWhen == ReturnWhen.FIRST_EXCEPTION && failed) {
                finish();
            }
        }
    }
}
