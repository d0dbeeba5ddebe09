package dev.generators.loop;

import static dev.generators.loop.SelectorTest.onLoop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What an idle connection of a server costs the loop, counted by walking the objects the loop
 * holds, not by measuring the heap: issue 16 asks for under 1 KB per idle connection, of which the
 * JDK's channel and selector key take about 700 bytes, so the loop's own share must stay small.
 * The walk follows the fields of this project's classes from the loop and the server, and stops at
 * the JDK's objects (a channel, a selector key), counting each once; the connections opened
 * between two walks tell what one connection adds.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConnectionFootprintTest {
    /**
     * The most the loop's own objects of an idle connection may take, in the layout of a 64-bit JVM
     * with compressed references (12-byte headers, 4-byte references, 8-byte alignment): the
     * connection (80 bytes), its handler's task (80) and the read the task waits on (40).
     */
    private static final int LOOP_BYTES_PER_IDLE_CONNECTION = 200;

    private final EventLoop loop = EventLoop.start();
    private final List<SocketChannel> clients = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (SocketChannel client : clients) {
            client.close();
        }
        loop.close();
    }

    @Test
    void anIdleConnectionIsItsStreamTheReadItsTaskWaitsOnAndTheTask() throws Exception {
        AtomicInteger reading = new AtomicInteger();
        StreamServer server = onLoop(
                loop,
                () -> Streams.startServer((reader, writer) -> firstRead(reader, reading), "127.0.0.1", 0)
                        .join());

        Map<String, Integer> four = retainedWith(server, reading, 4);
        Map<String, Integer> twelve = retainedWith(server, reading, 12);

        Map<String, Integer> perConnection = new TreeMap<>();
        for (Map.Entry<String, Integer> entry : twelve.entrySet()) {
            int added = entry.getValue() - four.getOrDefault(entry.getKey(), 0);
            if (added != 0) {
                assertEquals(0, added % 8, entry.getKey() + " grew by " + added + " for 8 connections");
                perConnection.put(entry.getKey(), added / 8);
            }
        }
        assertEquals(
                Map.of(
                        StreamTransport.class.getName(),
                        1,
                        Task.class.getName(),
                        1,
                        StreamTransport.class.getName() + "$ReadSome",
                        1,
                        Driven.class.getName(),
                        1,
                        FirstRead.class.getName(),
                        1,
                        "sun.nio.ch.SelectionKeyImpl",
                        1),
                perConnection,
                "what the loop holds per idle connection: its stream (reader, writer and selector"
                        + " attachment in one), its handler's task and coroutine, the read the task waits on"
                        + " (with no callback or dependent future), and the JDK's selection key");

        int bytes = modelSize(StreamTransport.class)
                + modelSize(Task.class)
                + modelSize(Class.forName(StreamTransport.class.getName() + "$ReadSome"));
        assertTrue(
                bytes <= LOOP_BYTES_PER_IDLE_CONNECTION,
                "the loop's own objects of an idle connection take " + bytes + " bytes, more than "
                        + LOOP_BYTES_PER_IDLE_CONNECTION);
    }

    /** Opens connections until {@code count} are open and their handlers all wait on a read; then walks. */
    private Map<String, Integer> retainedWith(StreamServer server, AtomicInteger reading, int count) throws Exception {
        while (clients.size() < count) {
            clients.add(SocketChannel.open(server.address()));
        }
        while (reading.get() < count || onLoop(loop, server::connections) < count) {
            Thread.sleep(5);
        }
        return onLoop(loop, () -> retained(loop, server));
    }

    /** A handler that waits for the connection's first bytes: as a generator's frame, one object of the user's. */
    private static Driven<Object> firstRead(StreamReader reader, AtomicInteger reading) {
        return new Driven<>(new FirstRead(reader, reading));
    }

    private static final class FirstRead implements Driven.Body {
        private final StreamReader reader;
        private final AtomicInteger reading;
        private boolean asked;

        FirstRead(StreamReader reader, AtomicInteger reading) {
            this.reader = reader;
            this.reading = reading;
        }

        @Override
        public Object resume(Object in) {
            if (asked) {
                return Driven.end(null);
            }
            asked = true;
            CompletableFuture<byte[]> read = reader.read(100);
            reading.incrementAndGet();
            return read;
        }
    }

    /**
     * The objects reachable from {@code roots} through the fields of this project's classes, counted
     * by class; the JDK's objects are counted but not looked into, and the dependents of a
     * {@link CompletableFuture} (a callback and its future each) are counted as such.
     */
    static Map<String, Integer> retained(Object... roots) {
        Map<String, Integer> counts = new TreeMap<>();
        IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
        ArrayDeque<Object> todo = new ArrayDeque<>();
        for (Object root : roots) {
            seen.put(root, true);
            todo.push(root);
        }
        while (!todo.isEmpty()) {
            Object object = todo.pop();
            counts.merge(object.getClass().getName(), 1, Integer::sum);
            if (object instanceof CompletableFuture<?> future && future.getNumberOfDependents() > 0) {
                counts.merge("dependents of a CompletableFuture", future.getNumberOfDependents(), Integer::sum);
            }
            for (Class<?> type = object.getClass(); ours(type); type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers())
                            || field.getType().isPrimitive()) {
                        continue;
                    }
                    Object value;
                    try {
                        field.setAccessible(true);
                        value = field.get(object);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        throw new AssertionError("can't read " + field, e);
                    }
                    if (value != null && seen.put(value, true) == null) {
                        todo.push(value);
                    }
                }
            }
        }
        return counts;
    }

    private static boolean ours(Class<?> type) {
        return type != null && type.getName().startsWith("dev.generators.");
    }

    /**
     * The bytes an instance of {@code type} takes on a 64-bit JVM with compressed references: a
     * 12-byte header, then its fields and those of its superclasses (a reference 4 bytes), the whole
     * rounded up to 8. A model computed from the declared fields, the same on every JVM.
     */
    static int modelSize(Class<?> type) {
        int bytes = 12;
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Class<?> t = field.getType();
                bytes += t == long.class || t == double.class
                        ? 8
                        : t == int.class || t == float.class
                                ? 4
                                : t == short.class || t == char.class ? 2 : t.isPrimitive() ? 1 : 4;
            }
        }
        return (bytes + 7) / 8 * 8;
    }
}
