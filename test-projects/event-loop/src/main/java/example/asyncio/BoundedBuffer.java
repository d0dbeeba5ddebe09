package example.asyncio;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.AsyncCondition;
import dev.generators.loop.AsyncLock;
import dev.generators.loop.EventLoop;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The classic bounded buffer on two {@code Condition}s
 * (https://docs.python.org/3/library/asyncio-sync.html#asyncio.Condition) sharing one lock: a
 * producer that puts five items into a buffer of two, and a consumer that takes one every half
 * second. The producer puts two at once, then one each time the consumer has made room. One
 * condition waits in a loop, as {@code wait()} is meant to be used; the other with
 * {@code wait_for(predicate)}.
 *
 * <pre>
 * class BoundedBuffer:
 *     def __init__(self, capacity):
 *         self.items = collections.deque()
 *         self.capacity = capacity
 *         lock = asyncio.Lock()
 *         self.not_full = asyncio.Condition(lock)
 *         self.not_empty = asyncio.Condition(lock)
 *
 *     async def put(self, item):
 *         async with self.not_full:
 *             while len(self.items) == self.capacity:
 *                 await self.not_full.wait()
 *             self.items.append(item)
 *             self.not_empty.notify()
 *
 *     async def get(self):
 *         async with self.not_empty:
 *             await self.not_empty.wait_for(lambda: self.items)
 *             item = self.items.popleft()
 *             self.not_full.notify()
 *             return item
 *
 * async def producer(buffer, n):
 *     for i in range(n):
 *         await buffer.put(i)
 *         print(f'put {i}')
 *
 * async def consumer(buffer, n):
 *     for _ in range(n):
 *         await asyncio.sleep(0.5)
 *         item = await buffer.get()
 *         print(f'got {item}')
 *
 * async def main():
 *     buffer = BoundedBuffer(2)
 *     await asyncio.gather(producer(buffer, 5), consumer(buffer, 5))
 * </pre>
 */
public final class BoundedBuffer<T> {
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final int capacity;
    private final AsyncCondition notFull;
    private final AsyncCondition notEmpty;

    BoundedBuffer(int capacity) {
        this.capacity = capacity;
        AsyncLock lock = new AsyncLock();
        this.notFull = new AsyncCondition(lock);
        this.notEmpty = new AsyncCondition(lock);
    }

    @Generator
    Coroutine<?, ?, Void> put(T item) {
        Yield.value(notFull.acquire());
        try {
            while (items.size() == capacity) {
                Yield.value(notFull.waitFor());
            }
            items.add(item);
            notEmpty.signal();
        } finally {
            notFull.release();
        }
        return Yield.done();
    }

    @Generator
    Coroutine<?, ?, T> get() {
        T item;
        Yield.value(notEmpty.acquire());
        try {
            Yield.value(notEmpty.waitUntil(() -> !items.isEmpty()));
            item = items.remove();
            notFull.signal();
        } finally {
            notEmpty.release();
        }
        return Yield.done(item);
    }

    @Generator
    static Coroutine<?, ?, Void> producer(Consumer<String> print, BoundedBuffer<Integer> buffer, int n) {
        for (int i = 0; i < n; i++) {
            Yield.all(buffer.put(i));
            print.accept("put " + i);
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, Void> consumer(Consumer<String> print, Duration second, BoundedBuffer<Integer> buffer, int n) {
        for (int i = 0; i < n; i++) {
            Yield.value(Async.sleep(second.dividedBy(2)));
            int item = Yield.all(buffer.get());
            print.accept("got " + item);
        }
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, Void> main(Consumer<String> print, Duration second) {
        BoundedBuffer<Integer> buffer = new BoundedBuffer<>(2);
        Yield.value(Async.gather(producer(print, buffer, 5), consumer(print, second, buffer, 5)));
        return Yield.done();
    }

    public static void main(String[] args) {
        EventLoop.runUntilComplete(main(System.out::println, Duration.ofSeconds(1)));
    }
}
