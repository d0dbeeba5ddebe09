package dev.generators.loop;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value that each task has its own copy of: asyncio's {@code contextvars.ContextVar}, as a
 * {@link ThreadLocal} is for threads (which every task of a loop shares).
 *
 * <pre>{@code
 * static final TaskLocal<String> REQUEST_ID = new TaskLocal<>("request id");
 *
 * REQUEST_ID.set("42");                            // request_id.set("42")
 * Task<Void> child = Async.spawn(handle());        // sees "42": the context is copied at spawn
 * String id = REQUEST_ID.get();                    // request_id.get()
 * }</pre>
 *
 * <p>A task starts with a copy of the values of the task that spawned it (none for a task started
 * from outside a task), taken when it is spawned: what either sets afterwards, the other does not
 * see. The values stay with the task across every yield, whichever other tasks run meanwhile. A
 * call that {@link Async#toThread} runs sees the values of the task that made it, and what it sets
 * stays on that call's side, as asyncio's {@code to_thread} runs the function in a copy of the
 * context.
 *
 * @param <T> the type of the value
 */
public final class TaskLocal<T> {
    /** The values that a call run by {@link Async#toThread} carries from its task. */
    private static final ThreadLocal<Values[]> CARRIED = new ThreadLocal<>();

    private final String name;
    private final Supplier<? extends T> initial;

    /** A value that is null until set: {@code ContextVar(name)}. */
    public TaskLocal(String name) {
        this(name, () -> null);
    }

    /** A value that is {@code initial.get()} until set: {@code ContextVar(name, default=...)}. */
    public TaskLocal(String name, Supplier<? extends T> initial) {
        this.name = Objects.requireNonNull(name, "name");
        this.initial = Objects.requireNonNull(initial, "initial");
    }

    /**
     * This task's value: {@code var.get()}.
     *
     * @throws IllegalStateException outside a task and a call it runs on a thread
     */
    @SuppressWarnings("unchecked")
    public T get() {
        Values[] carried = CARRIED.get();
        Values values = carried != null ? carried[0] : task("get").locals;
        if (values != null && values.map.containsKey(this)) {
            return (T) values.map.get(this);
        }
        return initial.get();
    }

    /**
     * Sets this task's value, which the tasks it spawns from now on inherit: {@code var.set(value)}.
     *
     * @throws IllegalStateException outside a task and a call it runs on a thread
     */
    public void set(T value) {
        put("set", value);
    }

    /** Takes this task's value away, so that {@link #get()} gives the initial one again. */
    public void remove() {
        put("remove", Values.REMOVED);
    }

    private void put(String method, Object value) {
        Values[] carried = CARRIED.get();
        if (carried != null) {
            carried[0] = Values.with(carried[0], this, value);
        } else {
            Task<?> task = task(method);
            task.locals = Values.with(task.locals, this, value);
        }
    }

    @Override
    public String toString() {
        return "TaskLocal " + name;
    }

    /** The running task, which keeps its values. */
    private Task<?> task(String method) {
        EventLoop loop = EventLoop.running();
        Task<?> task = loop == null ? null : loop.current;
        if (task == null) {
            throw new IllegalStateException("TaskLocal." + method + "() of " + name
                    + " outside a task: call it from a task's coroutine, or from a call it runs with Async.toThread");
        }
        return task;
    }

    /** The values a task spawned now starts with: the running task's (or thread call's), shared until changed. */
    static Values inherited() {
        Values[] carried = CARRIED.get();
        if (carried != null) {
            return carried[0];
        }
        EventLoop loop = EventLoop.running();
        Task<?> task = loop == null ? null : loop.current;
        return task == null ? null : task.locals;
    }

    /** Runs {@code call} with {@code values} as the values of this thread, for {@link Async#toThread}. */
    static <V> V carry(Values values, java.util.concurrent.Callable<V> call) throws Exception {
        Values[] before = CARRIED.get();
        // A copy of its own: what the call sets stays on its side.
        CARRIED.set(new Values[] {values});
        try {
            return call.call();
        } finally {
            if (before == null) {
                CARRIED.remove();
            } else {
                CARRIED.set(before);
            }
        }
    }

    /** One task's values, never changed once made: a set makes a new map, so a spawn copies nothing. */
    static final class Values {
        static final Object REMOVED = new Object();
        final Map<TaskLocal<?>, Object> map;

        private Values(Map<TaskLocal<?>, Object> map) {
            this.map = map;
        }

        static Values with(Values values, TaskLocal<?> key, Object value) {
            Map<TaskLocal<?>, Object> map = values == null ? new HashMap<>() : new HashMap<>(values.map);
            if (value == REMOVED) {
                map.remove(key);
            } else {
                map.put(key, value);
            }
            return new Values(map);
        }
    }
}
