package dev.generators;

/**
 * Thrown at the pending yield by {@link Coroutine#close()} so that the body's {@code finally}
 * blocks and try-with-resources run. Like Python's {@code GeneratorExit}, which is a
 * {@code BaseException}, it is an {@link Error}: a body's {@code catch (Exception e)} does not
 * swallow a close.
 */
public class GeneratorExit extends Error {
    private static final long serialVersionUID = 1L;

    public GeneratorExit() {
        super("generator closed", null, false, false);
    }
}
