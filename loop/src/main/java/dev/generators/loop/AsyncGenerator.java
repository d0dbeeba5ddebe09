package dev.generators.loop;

import dev.generators.Coroutine;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A coroutine that both awaits and hands out items one at a time, to a consumer task that takes
 * them as they come: asyncio's asynchronous generator, and {@code async for}.
 *
 * <p>The producer is a {@code @Generator} coroutine whose body yields, as a task's does, the
 * stages it waits on, and marks each item it hands out with {@link #item(Object)}:
 *
 * <pre>{@code
 * @Generator
 * static Coroutine<?, ?, Void> ticks(int count) {         // async def ticks(count):
 *     try {
 *         for (int i = 0; i < count; i++) {
 *             Yield.value(Async.sleep(100));               //         await asyncio.sleep(0.1)
 *             Yield.value(AsyncGenerator.item(i));         //         yield i
 *         }
 *     } finally {
 *         Yield.value(flush());                            //     finally: await flush()
 *     }
 *     return Yield.done();
 * }
 *
 * try (AsyncGenerator<Integer> ticks = AsyncGenerator.of(ticks(10))) {
 *     for (Integer tick; (tick = Yield.value(ticks.next())) != null; ) {   // async for tick in ticks(10):
 *         if (tick == 3) break;
 *     }
 * }                                                      // closed early: its finally runs
 * }</pre>
 *
 * <p>{@link #next()} is {@code anext()}: a stage that completes with the next item, with null once
 * the producer has returned (so items are never null), or with the exception the producer threw.
 * The producer runs as a task of its own, started by the first {@code next()}, and waits, after
 * each item, until the next {@code next()}: it runs no further ahead than the item asked for, as
 * asyncio's does. Its task has the consumer's {@link TaskLocal} values at that first call.
 *
 * <p>{@link #aclose()} is {@code aclose()}: it cancels the producer, whose {@code finally} blocks
 * run and may wait (the cancel is a {@link CancelledError} at its pending yield, where asyncio
 * throws {@code GeneratorExit}), and returns a stage that completes when the producer has ended.
 * {@link #close()} does the same without waiting, for try-with-resources; cancelling a pending
 * {@code next()}, as a cancel of the consumer's task does, closes it too. Use it on the loop's
 * thread, from one consumer at a time.
 *
 * @param <T> the type of the items
 */
public final class AsyncGenerator<T> implements AutoCloseable {
    /** What a producer yields to hand out an item: {@link #item(Object)}. */
    private static final class Item {
        final Object value;

        Item(Object value) {
            this.value = value;
        }
    }

    private final Coroutine<?, ?, ?> producer;
    private Task<Void> task;
    /** The {@code next()} waiting for an item; null between them. */
    private Next pending;
    /** What the producer waits on after handing out an item: completed by the next {@code next()}. */
    private CompletableFuture<Void> demand;
    /** The producer returned, failed, or was closed: {@code next()} gives null. */
    private boolean finished;

    private AsyncGenerator(Coroutine<?, ?, ?> producer) {
        this.producer = Objects.requireNonNull(producer, "producer");
    }

    /** The items {@code producer} marks with {@link #item(Object)}, as it awaits its stages. */
    public static <T> AsyncGenerator<T> of(Coroutine<?, ?, ?> producer) {
        return new AsyncGenerator<>(producer);
    }

    /** Marks {@code value} as the next item, for the producer to yield: asyncio's {@code yield value}. */
    public static Object item(Object value) {
        return new Item(Objects.requireNonNull(value, "an AsyncGenerator's items may not be null"));
    }

    /**
     * A stage that completes with the next item, or with null once the producer has returned, or
     * fails as the producer did: {@code await anext(agen)}.
     *
     * @throws IllegalStateException if the previous {@code next()} has not completed
     */
    public CompletableFuture<T> next() {
        if (pending != null) {
            throw new IllegalStateException("AsyncGenerator.next() called before the previous next() completed");
        }
        if (finished) {
            return CompletableFuture.completedFuture(null);
        }
        Next next = new Next();
        pending = next;
        if (task == null) {
            task = EventLoop.current().run(new Driver());
            // Its outcome is handed to the consumer's next(): not a failure nobody saw.
            task.whenComplete((ignored, failure) -> {});
        } else {
            CompletableFuture<Void> resume = demand;
            demand = null;
            resume.complete(null);
        }
        return next;
    }

    /**
     * Closes the producer, and returns a stage that completes once its {@code finally} blocks have
     * run: {@code await agen.aclose()}. Complete at once if it never started or has ended.
     */
    public CompletableFuture<Void> aclose() {
        finished = true;
        if (task == null || task.isDone()) {
            if (task == null) {
                producer.close();
            }
            return CompletableFuture.completedFuture(null);
        }
        task.cancel();
        return task.handle((ignored, failure) -> null);
    }

    /** {@link #aclose()} without waiting for the producer's cleanup to end, for try-with-resources. */
    @Override
    public void close() {
        aclose();
    }

    @Override
    public String toString() {
        return "AsyncGenerator of " + producer + (finished ? " (finished)" : "");
    }

    private void handOut(Object value, Throwable failure) {
        Next next = pending;
        pending = null;
        if (next != null) {
            next.done(value, failure);
        }
    }

    /** What {@link #next()} returns: a cancel of it closes the producer. */
    private final class Next extends CompletableFuture<T> {
        @SuppressWarnings("unchecked")
        void done(Object value, Throwable failure) {
            if (failure != null) {
                super.completeExceptionally(failure);
            } else {
                super.complete((T) value);
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (cancelled) {
                pending = null;
                close();
            }
            return cancelled;
        }
    }

    /**
     * The producer's task's coroutine: passes the producer's stages to the task, and turns each
     * item into a hand-out and a wait for the next demand.
     */
    private final class Driver implements Coroutine<Object, Object, Void> {
        @SuppressWarnings("unchecked")
        private final Coroutine<Object, Object, ?> body = (Coroutine<Object, Object, ?>) producer;

        @Override
        public Object send(Object value) {
            return resume(value, null);
        }

        @Override
        public Object raise(Throwable thrown) {
            return resume(null, thrown);
        }

        private Object resume(Object value, Throwable thrown) {
            Object yielded;
            try {
                yielded = thrown == null ? body.send(value) : body.raise(thrown);
            } catch (NoSuchElementException end) {
                finished = true;
                handOut(null, null);
                throw end;
            } catch (Throwable failure) {
                finished = true;
                handOut(null, failure instanceof CancelledError ? null : failure);
                throw failure;
            }
            if (!(yielded instanceof Item)) {
                return yielded;
            }
            handOut(((Item) yielded).value, null);
            demand = new CompletableFuture<>();
            return demand;
        }

        @Override
        public void close() {
            body.close();
        }

        @Override
        public Void result() {
            return null;
        }

        @Override
        public boolean isDone() {
            return body.isDone();
        }

        @Override
        public boolean hasNext() {
            throw new UnsupportedOperationException("driven by its task's send and raise");
        }

        @Override
        public Object next() {
            return send(null);
        }

        @Override
        public String toString() {
            return String.valueOf(body);
        }
    }
}
