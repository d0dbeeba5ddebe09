package dev.generators.loop;

/**
 * A line (or a read up to a separator) longer than the stream reader's limit: asyncio's
 * {@code LimitOverrunError}. Unchecked, so that a {@code catch} can name it around a
 * {@code Yield.value}.
 */
public final class LimitOverrunException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int consumed;

    LimitOverrunException(String message, int consumed) {
        super(message);
        this.consumed = consumed;
    }

    /**
     * How many bytes the read had looked at when it gave up: asyncio's {@code consumed}. For
     * {@link StreamReader#readUntil} they are still in the stream; {@link StreamReader#readLine}
     * has dropped them.
     */
    public int consumed() {
        return consumed;
    }
}
