package dev.generators.loop;

/** When {@link Async#wait} completes: asyncio's {@code return_when} constants. */
public enum ReturnWhen {
    /** As soon as any of the stages completes, or is cancelled: {@code asyncio.FIRST_COMPLETED}. */
    FIRST_COMPLETED,
    /**
     * As soon as any of them fails, or when all have completed if none does:
     * {@code asyncio.FIRST_EXCEPTION}. A cancel is not a failure here, as in asyncio.
     */
    FIRST_EXCEPTION,
    /** When all of them have completed: {@code asyncio.ALL_COMPLETED}. */
    ALL_COMPLETED
}
