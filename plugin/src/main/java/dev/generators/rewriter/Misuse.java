package dev.generators.rewriter;

/**
 * One reason the rewriter refuses a class, placed where the user can find it:
 * {@code Fib.java:12: Fib.fibonacci(int): a yield inside a synchronized block ...}.
 *
 * @param sourceFile the source file the class says it came from, or the class file's name
 * @param line the source line, or 0 where the class file has none
 * @param className the class, in Java form ({@code com.example.Fib})
 * @param method the method, as {@code name(ParamType, ...)}, or empty for the whole class
 * @param message what is wrong and what to do instead
 */
public record Misuse(String sourceFile, int line, String className, String method, String message) {

    /** What is wrong where, without the file and line: {@code Fib.fibonacci(int): a yield inside ...}. */
    public String description() {
        String member = method.isEmpty() ? className : className + "." + method;
        return member + ": " + message;
    }

    @Override
    public String toString() {
        String place = line > 0 ? sourceFile + ":" + line : sourceFile;
        return place + ": " + description();
    }
}
