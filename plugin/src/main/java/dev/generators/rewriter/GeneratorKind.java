package dev.generators.rewriter;

/** What a {@code @Generator} method declares it returns, which decides what its caller gets. */
enum GeneratorKind {
    /** Re-iterable: each {@code iterator()} after the first starts a fresh run from the same arguments. */
    ITERABLE("Ljava/lang/Iterable;"),
    ITERATOR("Ljava/util/Iterator;"),
    /** The generator behind a lazy sequential stream that closes it when closed. */
    STREAM("Ljava/util/stream/Stream;"),
    COROUTINE("Ldev/generators/Coroutine;");

    final String descriptor;

    GeneratorKind(String descriptor) {
        this.descriptor = descriptor;
    }

    /** The kind for a method's return type descriptor, or null if generators cannot return it. */
    static GeneratorKind of(String returnDescriptor) {
        for (GeneratorKind kind : values()) {
            if (kind.descriptor.equals(returnDescriptor)) {
                return kind;
            }
        }
        return null;
    }
}
