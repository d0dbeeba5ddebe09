package dev.generators.loop;

/**
 * The stream ended (or failed) before a read got what it asked for: asyncio's
 * {@code IncompleteReadError}. It carries the bytes that did arrive, which the read took from the
 * stream. Unchecked, so that a {@code catch} can name it around a {@code Yield.value}, which
 * declares no exception.
 */
public final class IncompleteReadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient byte[] partial;
    private final int expected;

    IncompleteReadException(byte[] partial, int expected, Throwable cause) {
        super(
                (cause == null ? "the stream ended" : "the connection failed") + " after " + partial.length
                        + " bytes, " + (expected < 0 ? "before the separator" : "of the " + expected + " expected")
                        + (cause == null ? "" : ": " + cause),
                cause);
        this.partial = partial;
        this.expected = expected;
    }

    /** The bytes read before the stream ended: asyncio's {@code partial}. */
    public byte[] partial() {
        return partial.clone();
    }

    /** The number of bytes asked for, or -1 for a read up to a separator: asyncio's {@code expected}. */
    public int expected() {
        return expected;
    }
}
