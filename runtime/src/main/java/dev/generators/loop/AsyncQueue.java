package dev.generators.loop;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A first-in first-out queue for the tasks of one loop: asyncio's {@code Queue}. {@link #get()}
 * and {@link #put} return stages to yield, which complete when an element or a free place is
 * there; waiting getters and putters are served in the order they came.
 *
 * <pre>{@code
 * String job = Yield.value(queue.get());     // job = await queue.get()
 * Yield.value(queue.put(result));            // await queue.put(result)
 * queue.taskDone();                          // queue.task_done()
 * Yield.value(queue.join());                 // await queue.join()
 * }</pre>
 *
 * <p>Like asyncio's, it is not thread-safe: use it on the loop's thread. A task cancelled while
 * it waits in {@code get()} or {@code put()} leaves the queue as it was (its stage is cancelled
 * with it, and skipped). Elements may not be null.
 *
 * @param <T> the type of the elements
 */
public final class AsyncQueue<T> {
    private final int maxSize;
    private final ArrayDeque<T> elements = new ArrayDeque<>();
    private final ArrayDeque<CompletableFuture<T>> getters = new ArrayDeque<>();
    private final ArrayDeque<Put<T>> putters = new ArrayDeque<>();
    /** Elements put and not yet marked done with {@link #taskDone()}. */
    private int unfinished;
    private CompletableFuture<Void> finished;

    /** An unbounded queue. */
    public AsyncQueue() {
        this(0);
    }

    /**
     * A queue holding at most {@code maxSize} elements; {@code put} waits while it is full.
     *
     * @param maxSize the bound, or 0 (or less) for none, as in asyncio
     */
    public AsyncQueue(int maxSize) {
        this.maxSize = maxSize;
    }

    /**
     * A stage that completes with the first element, at once if there is one, else when one is
     * put: {@code await queue.get()}.
     */
    public CompletableFuture<T> get() {
        T element = poll();
        if (element != null) {
            return CompletableFuture.completedFuture(element);
        }
        CompletableFuture<T> getter = new CompletableFuture<>();
        getters.add(getter);
        return getter;
    }

    /**
     * Takes the first element if there is one: {@code queue.get_nowait()}, but null when empty
     * where asyncio raises {@code QueueEmpty}.
     */
    public T poll() {
        T element = elements.poll();
        if (element != null) {
            admitPutter();
        }
        return element;
    }

    /**
     * A stage that completes once {@code element} is in the queue (or handed to a waiting getter):
     * at once if there is room, else when a place is free: {@code await queue.put(element)}.
     */
    public CompletableFuture<Void> put(T element) {
        if (offer(element)) {
            return CompletableFuture.completedFuture(null);
        }
        Put<T> putter = new Put<>(element);
        putters.add(putter);
        return putter;
    }

    /**
     * Puts {@code element} if there is room: {@code queue.put_nowait(element)}, but false when
     * full where asyncio raises {@code QueueFull}.
     */
    public boolean offer(T element) {
        Objects.requireNonNull(element, "element");
        if (isFull()) {
            return false;
        }
        unfinished++;
        for (CompletableFuture<T> getter; (getter = getters.poll()) != null; ) {
            if (getter.complete(element)) {
                return true;
            }
        }
        elements.add(element);
        return true;
    }

    /**
     * Marks one element taken from the queue as dealt with: {@code queue.task_done()}.
     *
     * @throws IllegalStateException if called more times than elements were put
     */
    public void taskDone() {
        if (unfinished == 0) {
            throw new IllegalStateException("taskDone() called more times than there were elements put");
        }
        if (--unfinished == 0 && finished != null) {
            CompletableFuture<Void> all = finished;
            finished = null;
            all.complete(null);
        }
    }

    /**
     * A stage that completes once every element put has been marked with {@link #taskDone()}:
     * {@code await queue.join()}.
     */
    public CompletableFuture<Void> join() {
        if (unfinished == 0) {
            return CompletableFuture.completedFuture(null);
        }
        if (finished == null) {
            finished = new CompletableFuture<>();
        }
        // Each caller gets its own stage, so that cancelling one waiter leaves the others waiting.
        return Async.shield(finished);
    }

    /** The number of elements in the queue: {@code queue.qsize()}. */
    public int size() {
        return elements.size();
    }

    public boolean isEmpty() {
        return elements.isEmpty();
    }

    /** Whether the queue holds {@code maxSize} elements: {@code queue.full()}; never, if unbounded. */
    public boolean isFull() {
        return maxSize > 0 && elements.size() >= maxSize;
    }

    public int maxSize() {
        return maxSize;
    }

    /** Moves the element of the first putter still waiting into the place just freed. */
    private void admitPutter() {
        for (Put<T> putter; (putter = putters.poll()) != null; ) {
            if (putter.complete(null)) {
                unfinished++;
                elements.add(putter.element);
                return;
            }
        }
    }

    private static final class Put<T> extends CompletableFuture<Void> {
        final T element;

        Put(T element) {
            this.element = element;
        }
    }

    @Override
    public String toString() {
        return "AsyncQueue" + elements + (maxSize > 0 ? " of at most " + maxSize : "")
                + (getters.isEmpty() ? "" : ", " + getters.size() + " getters waiting")
                + (putters.isEmpty() ? "" : ", " + putters.size() + " putters waiting");
    }
}
