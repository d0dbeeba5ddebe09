package example.asyncio;

import dev.generators.Coroutine;
import dev.generators.Generator;
import dev.generators.Yield;
import dev.generators.loop.Async;
import dev.generators.loop.EventLoop;
import dev.generators.loop.TaskGroup;
import dev.generators.loop.TaskGroupException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * asyncio's "Terminating a Task Group" (https://docs.python.org/3/library/asyncio-task.html#terminating-a-task-group):
 * a task that raises ends the group, cancelling the task still sleeping. It prints
 * {@code Task 1: start}, {@code Task 2: start}, {@code Task 1: done}, and ends after a second.
 *
 * <pre>
 * class TerminateTaskGroup(Exception):
 *     """Exception raised to terminate a task group."""
 *
 * async def force_terminate_task_group():
 *     """Used to force termination of a task group."""
 *     raise TerminateTaskGroup()
 *
 * async def job(task_id, sleep_time):
 *     print(f'Task {task_id}: start')
 *     await asyncio.sleep(sleep_time)
 *     print(f'Task {task_id}: done')
 *
 * async def main():
 *     try:
 *         async with TaskGroup() as group:
 *             # spawn some tasks
 *             group.create_task(job(1, 0.5))
 *             group.create_task(job(2, 1.5))
 *             # sleep for 1 second
 *             await asyncio.sleep(1)
 *             # add an exception-raising task to force the group to terminate
 *             group.create_task(force_terminate_task_group())
 *     except* TerminateTaskGroup:
 *         pass
 * </pre>
 *
 * {@code except* TerminateTaskGroup} is {@code catch (TaskGroupException e)} with
 * {@code e.exceptions(TerminateTaskGroup.class)}: the group fails with every failure of its tasks,
 * as asyncio's {@code ExceptionGroup}.
 */
public final class TerminateGroup {

    private TerminateGroup() {
    }

    /** Exception raised to terminate a task group. */
    static final class TerminateTaskGroup extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** Used to force termination of a task group. */
    @Generator
    static Coroutine<?, ?, Void> forceTerminateTaskGroup() {
        throw new TerminateTaskGroup();
    }

    @Generator
    static Coroutine<?, ?, Void> job(Consumer<String> print, int taskId, Duration sleepTime) {
        print.accept("Task " + taskId + ": start");
        Yield.value(Async.sleep(sleepTime));
        print.accept("Task " + taskId + ": done");
        return Yield.done();
    }

    @Generator
    static Coroutine<?, ?, Void> main(Consumer<String> print, Duration second) {
        try (TaskGroup group = new TaskGroup()) {
            // spawn some tasks
            group.spawn(job(print, 1, second.dividedBy(2)));
            group.spawn(job(print, 2, second.multipliedBy(3).dividedBy(2)));
            // sleep for 1 second
            Yield.value(Async.sleep(second));
            // add an exception-raising task to force the group to terminate
            group.spawn(forceTerminateTaskGroup());
            Yield.value(group.join());
        } catch (TaskGroupException e) {
            if (e.exceptions(TerminateTaskGroup.class).isEmpty()) {
                throw e;
            }
            // pass
        }
        return Yield.done();
    }

    public static void main(String[] args) {
        EventLoop.runUntilComplete(main(System.out::println, Duration.ofSeconds(1)));
    }
}
