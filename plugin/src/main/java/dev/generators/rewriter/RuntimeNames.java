package dev.generators.rewriter;

/**
 * The names, in class-file form, of what the rewriter reads in user code and calls in the
 * runtime ({@code generators-runtime}). The plugin does not depend on the runtime jar; a test
 * checks these against it.
 */
final class RuntimeNames {
    static final String GENERATOR = "Ldev/generators/Generator;";
    static final String REWRITTEN = "Ldev/generators/Generator$Rewritten;";
    static final String GENERATED = "Ldev/generators/Generator$Generated;";
    static final String YIELD = "dev/generators/Yield";
    static final String STATE_MACHINE = "dev/generators/StateMachine";

    static final String RESUME = "resume";
    static final String RESUME_DESC = "()Ljava/lang/Object;";
    static final String RESTART = "restart";
    static final String RESTART_DESC = "()Ldev/generators/StateMachine;";
    static final String RECEIVED = "received";
    static final String RECEIVED_DESC = "()Ljava/lang/Object;";
    static final String STATE = "state";
    static final String STATE_DESC = "S";
    static final String HAS_NEXT = "hasNext";
    static final String HAS_NEXT_DESC = "()Z";
    static final String NEXT = "next";
    static final String NEXT_DESC = "()Ljava/lang/Object;";
    static final String HAS_NEXT_PURE = "hasNextPure";
    static final String HAS_NEXT_PURE_DESC = "(I)Z";
    static final String NEXT_PURE = "nextPure";
    static final String NEXT_PURE_DESC = "(I)Ljava/lang/Object;";
    static final String DELEGATES = "delegates";
    static final String DELEGATES_DESC = "()Z";
    static final String VALUE_YIELDED = "valueYielded";
    static final String VALUE_YIELDED_DESC = "(Ljava/lang/Object;)Ljava/lang/Object;";
    static final String YIELD_ALL = "yieldAll";
    static final String YIELD_ALL_LAST = "yieldAllLast";
    static final String YIELD_ALL_ITERABLE_DESC = "(Ljava/lang/Iterable;)Ljava/lang/Object;";
    static final String YIELD_ALL_ITERATOR_DESC = "(Ljava/util/Iterator;)Ljava/lang/Object;";
    static final String AS_STREAM = "asStream";
    static final String AS_STREAM_DESC = "()Ljava/util/stream/Stream;";
    static final String COROUTINE_CREATED = "coroutineCreated";
    static final String COROUTINE_CREATED_DESC = "()Ldev/generators/StateMachine;";

    /**
     * The level of the code this plugin generates: {@code StateMachine.GENERATED_CODE_LEVEL} of a
     * runtime that can run it must be at least this (see {@link RuntimeVersion}). Raise both
     * together whenever generated code starts to use something new of the runtime.
     */
    static final int GENERATED_CODE_LEVEL = 5;

    static final String GENERATED_CODE_LEVEL_FIELD = "GENERATED_CODE_LEVEL";

    /** The byte patterns whose absence from a class file proves there is nothing to rewrite or refuse. */
    static final String[] MARKERS = {YIELD, GENERATOR};

    private RuntimeNames() {}
}
