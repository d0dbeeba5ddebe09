package dev.generators.loop;

/**
 * The two ends of a stream connection, what {@link Streams#openConnection} completes with: the
 * {@code reader, writer} pair that asyncio's {@code open_connection} returns.
 */
public record Connection(StreamReader reader, StreamWriter writer) {}
