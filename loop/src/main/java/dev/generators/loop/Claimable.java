package dev.generators.loop;

/**
 * A stage that hands a task something it must not lose, a permit or a queue's element: the thing
 * is the task's once the task resumes with it ({@link Task} calls {@link #claim()} then); a cancel
 * of the stage before that gives it back (see {@link AsyncSemaphore}, {@link AsyncQueue}).
 */
interface Claimable {
    /** The task has resumed with what this stage handed it: a cancel no longer gives it back. */
    void claim();
}
