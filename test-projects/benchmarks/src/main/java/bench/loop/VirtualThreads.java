package bench.loop;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Virtual threads, reached by reflection: the benchmarks compile for Java 17, where there are
 * none. On 17, {@link #executor()} throws, and the benchmarks that use it fail with that message.
 */
final class VirtualThreads {

    private VirtualThreads() {
    }

    static boolean available() {
        try {
            Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** A new executor that starts a virtual thread per task. */
    static ExecutorService executor() {
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new UnsupportedOperationException("virtual threads need JDK 21 or newer; this is "
                    + System.getProperty("java.version") + ": leave out the virtual-thread benchmarks (-e virtual)", e);
        }
    }
}
