package dev.generators.loop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The failures of the tasks of a {@link TaskGroup}, every one of them, in the order they came:
 * asyncio's {@code ExceptionGroup} (Python 3.11), as a task group raises it.
 *
 * <pre>{@code
 * } catch (TaskGroupException group) {                             // except* ConnectionError as group:
 *     for (IOException e : group.exceptions(IOException.class)) {  //     for e in group.exceptions:
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>{@code except* E} matches a group holding an {@code E}: {@link #exceptions(Class)} picks
 * those out. The first is also the {@linkplain #getCause() cause}, and each is
 * {@linkplain #getSuppressed() suppressed} on the group, so that a printed stack trace shows them
 * all. Unchecked, so that a task can catch it around the {@code Yield.value} of a join.
 */
public class TaskGroupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<Throwable> exceptions;

    public TaskGroupException(List<? extends Throwable> exceptions) {
        super(message(exceptions), exceptions.isEmpty() ? null : exceptions.get(0));
        this.exceptions = Collections.unmodifiableList(new ArrayList<>(exceptions));
        for (Throwable exception : exceptions) {
            addSuppressed(exception);
        }
    }

    private static String message(List<? extends Throwable> exceptions) {
        return exceptions.size() == 1
                ? "a task of the group failed: " + exceptions.get(0)
                : exceptions.size() + " tasks of the group failed: " + exceptions;
    }

    /** Every failure, in the order the tasks failed: {@code group.exceptions}. */
    public List<Throwable> exceptions() {
        return exceptions;
    }

    /** The failures that are {@code type}s, in order: what {@code except* type} would match. */
    public <E extends Throwable> List<E> exceptions(Class<E> type) {
        List<E> matching = new ArrayList<>();
        for (Throwable exception : exceptions) {
            if (type.isInstance(exception)) {
                matching.add(type.cast(exception));
            }
        }
        return matching;
    }
}
