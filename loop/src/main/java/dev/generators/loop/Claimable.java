package dev.generators.loop;

/**
 * A stage that hands a task something it must not lose, a permit or a queue's element: the thing
 * is the task's once the task resumes with it ({@link Task} calls {@link #claim()} then); a cancel
 * of the stage before that gives it back (see {@link AsyncSemaphore}, {@link AsyncQueue}).
 */
interface Claimable {
    /** The task has resumed with what this stage handed it: a cancel no longer gives it back. */
    void claim();

    /**
     * A stage that wraps this one (a gather, a {@code waitFor}) holds it, and claims it or gives it
     * back with its own outcome: this one must not claim itself when no task resumes with it.
     */
    default void heldByClaimer() {}
}
