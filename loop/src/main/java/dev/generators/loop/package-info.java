/**
 * An event loop for coroutines: asynchronous code written as straight-line generators, as
 * Python's asyncio began. A task's coroutine yields the {@link java.util.concurrent.CompletionStage}s
 * it waits on and is resumed, on the loop's one thread, with each one's value or failure. The loop
 * waits in a {@link java.nio.channels.Selector}, so sockets are waited on by the same thread.
 *
 * <ul>
 *   <li>{@link dev.generators.loop.EventLoop}: the loop; {@code runUntilComplete} is {@code asyncio.run}.
 *   <li>{@link dev.generators.loop.Async}: what a task calls: {@code sleep}, {@code spawn},
 *       {@code gather}, {@code waitFor}, {@code timeout}, {@code wait}, {@code asCompleted},
 *       {@code shield}, {@code toThread}.
 *   <li>{@link dev.generators.loop.Task}: a running coroutine and the future of its result;
 *       {@link dev.generators.loop.CancelledError}, what its cancel throws at its yield.
 *   <li>{@link dev.generators.loop.Streams}, {@link dev.generators.loop.StreamReader},
 *       {@link dev.generators.loop.StreamWriter}, {@link dev.generators.loop.StreamServer}:
 *       asyncio's streams, {@code open_connection} and {@code start_server}.
 *   <li>{@link dev.generators.loop.Sockets}: asyncio's {@code sock_accept}, {@code sock_connect},
 *       {@code sock_recv_into}, {@code sock_sendall}; {@link dev.generators.loop.DatagramEndpoint}: UDP.
 *   <li>{@link dev.generators.loop.TaskGroup}: asyncio's {@code TaskGroup}, failing with a
 *       {@link dev.generators.loop.TaskGroupException}, its {@code ExceptionGroup}.
 *   <li>{@link dev.generators.loop.Timeout}: asyncio's {@code timeout()} scope.
 *   <li>{@link dev.generators.loop.AsyncGenerator}: asyncio's async generators.
 *   <li>{@link dev.generators.loop.TaskLocal}: asyncio's context variables.
 *   <li>{@link dev.generators.loop.AsyncQueue}: asyncio's {@code Queue}, {@code PriorityQueue} and
 *       {@code LifoQueue}.
 *   <li>{@link dev.generators.loop.AsyncEvent}, {@link dev.generators.loop.AsyncLock},
 *       {@link dev.generators.loop.AsyncSemaphore}, {@link dev.generators.loop.AsyncCondition},
 *       {@link dev.generators.loop.AsyncBarrier}: asyncio's {@code Event}, {@code Lock},
 *       {@code Semaphore} and {@code BoundedSemaphore}, {@code Condition}, {@code Barrier}.
 * </ul>
 *
 * See docs/event-loop.md.
 */
package dev.generators.loop;
