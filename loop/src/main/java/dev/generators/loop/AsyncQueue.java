package dev.generators.loop;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
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
 * <p>Like asyncio's, it is not thread-safe: use it on the loop's thread. Elements may not be null.
 *
 * <p>A cancel loses nothing and leaves nothing behind. A task cancelled while it waits in
 * {@code get()}, {@code put()} or {@code join()} leaves the line (its stage is cancelled with it),
 * as does a wait that {@code waitFor} times out. One cancelled after an element was handed to it,
 * but before it resumed with it, gives the element back, to the next getter waiting or to the
 * front of the queue, as {@link AsyncSemaphore} hands on a permit: the element is the task's once
 * it resumes. (Given back to a bounded queue that has filled meanwhile, it may hold one more than
 * {@code maxSize} for a while.) {@code join()}'s waiters wake in the order they came. A putter
 * cancelled after a place was freed for it, but before it resumed, puts nothing: the place goes to
 * the next putter, as asyncio's putter puts only when it resumes.
 *
 * <p>{@link #priority()} and {@link #lifo()} make asyncio's {@code PriorityQueue} and
 * {@code LifoQueue}: the same queue, handing out its smallest or its newest element first.
 * {@link #shutDown(boolean)} is asyncio 3.13's {@code shutdown()}.
 *
 * @param <T> the type of the elements
 */
public final class AsyncQueue<T> {
    private final int maxSize;
    private final Order<T> elements;
    /** Set by {@link #shutDown}: puts fail, and gets once the queue is empty. */
    private boolean shutDown;
    /** The getters, putters and joiners waiting, first come first out; a cancelled one removes itself. */
    private final LinkedHashSet<Get> getters = new LinkedHashSet<>();

    private final LinkedHashSet<Put> putters = new LinkedHashSet<>();
    private final LinkedHashSet<Join> joiners = new LinkedHashSet<>();
    /** Elements put and not yet marked done with {@link #taskDone()}. */
    private int unfinished;
    /**
     * Places given to putters whose tasks have not yet resumed: their elements go in when they
     * do, and a putter cancelled before that puts nothing, as in asyncio.
     */
    private int reserved;

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
        this(maxSize, new Ends<>(false));
    }

    private AsyncQueue(int maxSize, Order<T> order) {
        this.maxSize = maxSize;
        this.elements = order;
    }

    /**
     * An unbounded queue that hands out its smallest element first, in their natural order:
     * {@code asyncio.PriorityQueue()}. Elements must be {@link Comparable}; asyncio's habit of
     * {@code (priority, data)} tuples is a record that implements it, or the comparator given to
     * {@link #priority(int, Comparator)}.
     */
    public static <T extends Comparable<? super T>> AsyncQueue<T> priority() {
        return priority(0, Comparator.<T>naturalOrder());
    }

    /** {@code asyncio.PriorityQueue(maxsize)}, ordered by {@code order}: the smallest first. */
    public static <T> AsyncQueue<T> priority(int maxSize, Comparator<? super T> order) {
        return new AsyncQueue<>(maxSize, new Smallest<>(Objects.requireNonNull(order, "order")));
    }

    /** An unbounded queue that hands out the element put last first: {@code asyncio.LifoQueue()}. */
    public static <T> AsyncQueue<T> lifo() {
        return lifo(0);
    }

    /** {@code asyncio.LifoQueue(maxsize)}: the newest element first. */
    public static <T> AsyncQueue<T> lifo(int maxSize) {
        return new AsyncQueue<>(maxSize, new Ends<>(true));
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
        Get getter = new Get();
        getters.add(getter);
        return getter;
    }

    /**
     * Takes the first element if there is one: {@code queue.get_nowait()}, but null when empty
     * where asyncio raises {@code QueueEmpty}.
     */
    public T poll() {
        if (shutDown && elements.isEmpty()) {
            throw shutDownError();
        }
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
        Put putter = new Put(element);
        putters.add(putter);
        return putter;
    }

    /**
     * Puts {@code element} if there is room: {@code queue.put_nowait(element)}, but false when
     * full where asyncio raises {@code QueueFull}.
     */
    public boolean offer(T element) {
        Objects.requireNonNull(element, "element");
        if (shutDown) {
            throw shutDownError();
        }
        if (isFull()) {
            return false;
        }
        unfinished++;
        if (!handToGetter(element)) {
            elements.add(element);
        }
        return true;
    }

    /** Hands {@code element} to the first getter waiting; false if none waits. */
    private boolean handToGetter(T element) {
        return Handout.handToFirst(getters, element);
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
        if (--unfinished == 0 && !joiners.isEmpty()) {
            // Emptied first: completing a stage runs its callbacks at once, and one may join again.
            Join[] woken = joiners.toArray(new AsyncQueue.Join[0]);
            joiners.clear();
            for (Join join : woken) {
                join.complete(null);
            }
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
        // Each caller has a stage of its own, so that cancelling one waiter leaves the others waiting.
        Join join = new Join();
        joiners.add(join);
        return join;
    }

    /**
     * Shuts the queue down: {@code queue.shutdown(immediate)} (Python 3.13). From now on
     * {@link #put} and {@link #offer} throw {@link QueueShutDownException}, and so do
     * {@link #get()} and {@link #poll()} once the queue is empty; the putters waiting, and the
     * getters waiting (the queue being empty), fail with it. With {@code immediate}, the elements
     * left are dropped, each counted as done for {@link #join()}, so that its waiters go on.
     */
    public void shutDown(boolean immediate) {
        shutDown = true;
        if (immediate) {
            while (!elements.isEmpty()) {
                elements.poll();
                taskDone();
            }
        }
        failAll(putters);
        if (elements.isEmpty()) {
            failAll(getters);
        }
    }

    /** {@code queue.shutdown()}: {@link #shutDown(boolean) shutDown(false)}. */
    public void shutDown() {
        shutDown(false);
    }

    /** Whether {@link #shutDown} was called. */
    public boolean isShutDown() {
        return shutDown;
    }

    private void failAll(LinkedHashSet<? extends CompletableFuture<?>> line) {
        List<CompletableFuture<?>> waiting = new ArrayList<>(line);
        line.clear();
        for (CompletableFuture<?> stage : waiting) {
            stage.completeExceptionally(shutDownError());
        }
    }

    private static QueueShutDownException shutDownError() {
        return new QueueShutDownException("the queue is shut down");
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
        return maxSize > 0 && elements.size() + reserved >= maxSize;
    }

    public int maxSize() {
        return maxSize;
    }

    /** Gives the place just freed to the first putter still waiting: its element goes in when its task resumes. */
    private void admitPutter() {
        if (!isFull() && Handout.handToFirst(putters, null)) {
            reserved++;
        }
    }

    /**
     * What a waiting {@link #get()} returns. Cancelled after it was handed an element and before
     * its task resumed, it gives the element back.
     */
    private final class Get extends Handout<T> {
        Get() {
            super(getters);
        }

        @Override
        void giveBack(T element) {
            // Still counted as unfinished: it was put, and nobody has taken it.
            if (!handToGetter(element)) {
                elements.giveBack(element);
            }
        }
    }

    /**
     * What a waiting {@link #put} returns: handed a place, it puts its element when its task
     * resumes; cancelled before that, it puts nothing, and the place goes to the next putter.
     */
    private final class Put extends Handout<Void> {
        final T element;

        Put(T element) {
            super(putters);
            this.element = element;
        }

        @Override
        boolean claimsItself() {
            return true;
        }

        @Override
        void claimed(Void place) {
            reserved--;
            unfinished++;
            if (!handToGetter(element)) {
                elements.add(element);
            }
        }

        @Override
        void giveBack(Void place) {
            reserved--;
            admitPutter();
        }
    }

    private final class Join extends InLine<Void> {
        Join() {
            super(joiners);
        }
    }

    /** How the elements are kept, and which comes out first. */
    private abstract static class Order<T> {
        abstract void add(T element);

        abstract T poll();

        /** An element taken and given back, by a getter cancelled before it resumed: the next out. */
        abstract void giveBack(T element);

        abstract Collection<T> all();

        final int size() {
            return all().size();
        }

        final boolean isEmpty() {
            return all().isEmpty();
        }

        @Override
        public String toString() {
            return all().toString();
        }
    }

    /** A deque taken from the front (first in, first out) or from the back (last in, first out). */
    private static final class Ends<T> extends Order<T> {
        private final ArrayDeque<T> deque = new ArrayDeque<>();
        private final boolean lastFirst;

        Ends(boolean lastFirst) {
            this.lastFirst = lastFirst;
        }

        @Override
        void add(T element) {
            deque.addLast(element);
        }

        @Override
        T poll() {
            return lastFirst ? deque.pollLast() : deque.pollFirst();
        }

        @Override
        void giveBack(T element) {
            if (lastFirst) {
                deque.addLast(element);
            } else {
                deque.addFirst(element);
            }
        }

        @Override
        Collection<T> all() {
            return deque;
        }
    }

    private static final class Smallest<T> extends Order<T> {
        private final PriorityQueue<T> heap;

        Smallest(Comparator<? super T> order) {
            heap = new PriorityQueue<>(order);
        }

        @Override
        void add(T element) {
            heap.add(element);
        }

        @Override
        T poll() {
            return heap.poll();
        }

        @Override
        void giveBack(T element) {
            heap.add(element);
        }

        @Override
        Collection<T> all() {
            return heap;
        }
    }

    @Override
    public String toString() {
        return "AsyncQueue" + elements + (maxSize > 0 ? " of at most " + maxSize : "")
                + (getters.isEmpty() ? "" : ", " + getters.size() + " getters waiting")
                + (putters.isEmpty() ? "" : ", " + putters.size() + " putters waiting");
    }
}
