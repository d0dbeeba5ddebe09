package dev.generators.loop;

import dev.generators.Coroutine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What {@link Async#asCompleted} returns: one future per stage, the first completing as the
 * first stage to complete does, the second as the second does, and so on. Its state is touched on
 * the loop's thread only, where each stage's outcome arrives.
 */
final class CompletionOrder<T> {
    private final List<CompletableFuture<T>> slots;
    /** The index of the first slot not yet handed an outcome. */
    private int next;
    /** Null without a timeout. */
    private final Timer timer;

    private final Duration timeout;

    CompletionOrder(EventLoop loop, List<? extends CompletionStage<?>> stages, Duration timeout) {
        List<CompletableFuture<T>> all = new ArrayList<>(stages.size());
        for (int i = 0; i < stages.size(); i++) {
            all.add(new CompletableFuture<>());
        }
        this.slots = Collections.unmodifiableList(all);
        this.timeout = timeout;
        this.timer = timeout == null || stages.isEmpty() ? null : loop.callLater(timeout, this::expire);
        for (CompletionStage<?> stage : stages) {
            loop.whenDone(stage, new Waiter(loop) {
                @Override
                void resume(Object value, Throwable failure) {
                    deliver(value, failure);
                }
            });
        }
    }

    List<CompletableFuture<T>> slots() {
        return slots;
    }

    /**
     * The producer of {@link Async#inCompletionOrder(Collection)}: waits on each slot in turn,
     * and hands out what it completed with, an {@link AsyncGenerator}'s items.
     */
    static final class Producer implements Coroutine<Object, Object, Void> {
        private final List<? extends CompletableFuture<?>> slots;
        private int next;
        /** Whether the last thing yielded was an item, so that the next resume is a demand for more. */
        private boolean handedOut = true;

        private boolean done;

        Producer(List<? extends CompletableFuture<?>> slots) {
            this.slots = slots;
        }

        @Override
        public Object send(Object value) {
            if (done) {
                throw new NoSuchElementException("finished");
            }
            if (!handedOut) {
                handedOut = true;
                return AsyncGenerator.item(value);
            }
            if (next == slots.size()) {
                done = true;
                throw new NoSuchElementException("all handed out");
            }
            handedOut = false;
            return slots.get(next++);
        }

        @Override
        public Object raise(Throwable thrown) {
            done = true;
            throw EventLoop.<RuntimeException>sneaky(thrown);
        }

        @Override
        public void close() {
            done = true;
        }

        @Override
        public Void result() {
            return null;
        }

        @Override
        public boolean isDone() {
            return done;
        }

        @Override
        public boolean hasNext() {
            throw new UnsupportedOperationException("driven by its task");
        }

        @Override
        public Object next() {
            return send(null);
        }

        @Override
        public String toString() {
            return "asCompleted of " + slots.size() + " stages";
        }
    }

    /**
     * Hands an outcome to the first slot still open. A slot cancelled by the task that waited on
     * it takes nothing, so the outcome goes to the next, as asyncio's queue of results does.
     */
    @SuppressWarnings("unchecked")
    private void deliver(Object value, Throwable failure) {
        while (next < slots.size()) {
            CompletableFuture<T> slot = slots.get(next++);
            if (failure == null ? slot.complete((T) value) : slot.completeExceptionally(failure)) {
                break;
            }
        }
        if (next == slots.size() && timer != null) {
            timer.cancel();
        }
    }

    private void expire() {
        for (int i = next; i < slots.size(); i++) {
            slots.get(i)
                    .completeExceptionally(new AsyncTimeoutException("timed out after " + timeout.toMillis() + " ms"));
        }
    }
}
