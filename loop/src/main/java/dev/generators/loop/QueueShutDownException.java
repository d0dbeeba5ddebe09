package dev.generators.loop;

/**
 * A put into, or a get from an empty, {@link AsyncQueue} that was {@linkplain AsyncQueue#shutDown
 * shut down}: asyncio's {@code QueueShutDown} (Python 3.13). Unchecked, so that a task can catch it
 * around the {@code Yield.value} of the get or put.
 */
public class QueueShutDownException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public QueueShutDownException(String message) {
        super(message);
    }
}
