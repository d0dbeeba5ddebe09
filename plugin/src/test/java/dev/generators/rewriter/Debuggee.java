package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.jdi.AbsentInformationException;
import com.sun.jdi.Bootstrap;
import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.LocalVariable;
import com.sun.jdi.Location;
import com.sun.jdi.PrimitiveValue;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StackFrame;
import com.sun.jdi.StringReference;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.Value;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.LaunchingConnector;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.LocatableEvent;
import com.sun.jdi.event.StepEvent;
import com.sun.jdi.event.VMDeathEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.event.VMStartEvent;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.StepRequest;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A program run in a separate JVM under JDI, for {@link DebuggerTest}: launched suspended, with
 * breakpoints set on source lines of its main class as soon as that class is prepared. Every wait
 * has a timeout, and {@link #close()} always ends the debuggee.
 */
final class Debuggee implements AutoCloseable {

    /** How long any one event may take to arrive. */
    private static final long EVENT_TIMEOUT_MS = 15_000;

    private final VirtualMachine vm;
    private final Process process;
    private final StringBuffer stdout = new StringBuffer();
    private final StringBuffer stderr = new StringBuffer();
    private final List<Thread> readers = new ArrayList<>();
    private final List<BreakpointRequest> breakpoints = new ArrayList<>();
    private EventSet suspended;
    private boolean ended;

    private Debuggee(VirtualMachine vm) {
        this.vm = vm;
        this.process = vm.process();
        readers.add(drain(process.getInputStream(), stdout));
        readers.add(drain(process.getErrorStream(), stderr));
    }

    /**
     * Launches {@code mainClass} from {@code classes} plus the runtime's classes with the default
     * connector ({@code com.sun.jdi.CommandLineLaunch}), suspended at its start; sets the
     * breakpoints on {@code lines} of {@code mainClass} when that class is prepared, and lets the
     * program run: {@link #resumeToStop()} then waits for the first stop.
     */
    static Debuggee launch(Path classes, String mainClass, int... lines) {
        LaunchingConnector connector = Bootstrap.virtualMachineManager().defaultConnector();
        Map<String, Connector.Argument> arguments = connector.defaultArguments();
        String classPath = classes.toAbsolutePath() + File.pathSeparator + runtimeClasses();
        arguments.get("options").setValue("-cp \"" + classPath + "\"");
        arguments.get("main").setValue(mainClass);
        arguments.get("suspend").setValue("true");
        VirtualMachine vm;
        try {
            vm = connector.launch(arguments);
        } catch (Exception e) {
            throw new AssertionError("could not launch " + mainClass + " under JDI with " + arguments, e);
        }
        Debuggee debuggee = new Debuggee(vm);
        try {
            debuggee.start(mainClass, lines);
        } catch (RuntimeException | Error e) {
            debuggee.close();
            throw e;
        }
        return debuggee;
    }

    private void start(String mainClass, int... lines) {
        EventSet start = nextSet();
        if (start.stream().noneMatch(e -> e instanceof VMStartEvent)) {
            fail("the debuggee did not start with a VMStartEvent: " + start + output());
        }
        ClassPrepareRequest prepare = vm.eventRequestManager().createClassPrepareRequest();
        prepare.addClassFilter(mainClass);
        prepare.setSuspendPolicy(EventRequest.SUSPEND_ALL);
        prepare.enable();
        start.resume();
        for (; ; ) {
            EventSet set = nextSet();
            for (Event event : set) {
                if (event instanceof ClassPrepareEvent prepared
                        && prepared.referenceType().name().equals(mainClass)) {
                    for (int line : lines) {
                        breakAt(prepared.referenceType(), line);
                    }
                    vm.eventRequestManager().deleteEventRequest(prepare);
                    set.resume();
                    return;
                }
            }
            set.resume();
        }
    }

    private void breakAt(ReferenceType type, int line) {
        List<Location> locations;
        try {
            locations = type.locationsOfLine(line);
        } catch (AbsentInformationException e) {
            throw new AssertionError(type.name() + " has no line number information", e);
        }
        assertFalse(locations.isEmpty(), () -> type.name() + " has no code on line " + line);
        for (Location location : locations) {
            BreakpointRequest request = vm.eventRequestManager().createBreakpointRequest(location);
            request.setSuspendPolicy(EventRequest.SUSPEND_ALL);
            request.enable();
            breakpoints.add(request);
        }
    }

    /** Removes every breakpoint, so that only steps stop the program. */
    void clearBreakpoints() {
        vm.eventRequestManager().deleteEventRequests(breakpoints);
        breakpoints.clear();
    }

    /** Resumes the program and waits for the next breakpoint or step; fails if the program ends first. */
    LocatableEvent resumeToStop() {
        resumeSuspended();
        for (; ; ) {
            EventSet set = nextSet();
            for (Event event : set) {
                if (event instanceof BreakpointEvent || event instanceof StepEvent) {
                    // a step ends at any stop, even at a breakpoint met on the way
                    vm.eventRequestManager()
                            .deleteEventRequests(
                                    new ArrayList<>(vm.eventRequestManager().stepRequests()));
                    suspended = set;
                    return (LocatableEvent) event;
                }
                if (event instanceof VMDeathEvent || event instanceof VMDisconnectEvent) {
                    ended = true;
                    fail("the debuggee ended before the next stop" + output());
                }
            }
            set.resume();
        }
    }

    /** Steps one line from where {@code thread} is stopped, with {@code depth} (a {@link StepRequest} constant); returns where it stops. */
    LocatableEvent step(ThreadReference thread, int depth, String... excludedClasses) {
        StepRequest request = vm.eventRequestManager().createStepRequest(thread, StepRequest.STEP_LINE, depth);
        for (String excluded : excludedClasses) {
            request.addClassExclusionFilter(excluded);
        }
        request.addCountFilter(1);
        request.setSuspendPolicy(EventRequest.SUSPEND_ALL);
        request.enable();
        return resumeToStop();
    }

    /** Resumes the program and waits for it to end by itself, with no further stop; returns its output. */
    String resumeToEnd() {
        resumeSuspended();
        for (; ; ) {
            EventSet set = nextSet();
            for (Event event : set) {
                if (event instanceof BreakpointEvent || event instanceof StepEvent) {
                    fail("the debuggee stopped again at " + describe(((LocatableEvent) event).location()) + output());
                }
                if (event instanceof VMDeathEvent || event instanceof VMDisconnectEvent) {
                    ended = true;
                    try {
                        if (!process.waitFor(EVENT_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                            fail("the debuggee did not exit" + output());
                        }
                        for (Thread reader : readers) {
                            reader.join(EVENT_TIMEOUT_MS);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new AssertionError(e);
                    }
                    return stdout.toString();
                }
            }
            set.resume();
        }
    }

    private void resumeSuspended() {
        if (suspended != null) {
            EventSet set = suspended;
            suspended = null;
            set.resume();
        }
    }

    private EventSet nextSet() {
        EventSet set;
        try {
            set = vm.eventQueue().remove(EVENT_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (VMDisconnectedException e) {
            ended = true;
            throw new AssertionError("the debuggee disconnected" + output(), e);
        }
        if (set == null) {
            fail("no JDI event within " + EVENT_TIMEOUT_MS + " ms" + output());
        }
        return set;
    }

    /** What the debuggee printed so far, for failure messages. */
    String output() {
        return "\n--- debuggee stdout ---\n" + stdout + "--- debuggee stderr ---\n" + stderr + "--- end ---";
    }

    /** The locals visible in the frame, by name, as plain Java values. */
    static Map<String, Object> locals(StackFrame frame) {
        Map<String, Object> values = new LinkedHashMap<>();
        try {
            for (LocalVariable variable : frame.visibleVariables()) {
                values.put(variable.name(), plain(frame.getValue(variable)));
            }
        } catch (AbsentInformationException e) {
            throw new AssertionError("no local variable information at " + describe(frame.location()), e);
        }
        return values;
    }

    /** The thread's top frame. */
    static StackFrame top(ThreadReference thread) {
        try {
            return thread.frame(0);
        } catch (IncompatibleThreadStateException e) {
            throw new AssertionError(e);
        }
    }

    /** The thread's stack, one {@code class.method:line} per frame, innermost first. */
    static List<String> stack(ThreadReference thread) {
        List<String> frames = new ArrayList<>();
        try {
            for (StackFrame frame : thread.frames()) {
                frames.add(describe(frame.location()));
            }
        } catch (IncompatibleThreadStateException e) {
            throw new AssertionError(e);
        }
        return frames;
    }

    static String describe(Location location) {
        return location.declaringType().name() + "." + location.method().name()
                + location.method().signature() + ":" + location.lineNumber() + " @" + location.codeIndex();
    }

    private static Object plain(Value value) {
        if (value == null) {
            return null;
        }
        if (value instanceof StringReference string) {
            return string.value();
        }
        if (value instanceof com.sun.jdi.IntegerValue integer) {
            return integer.value();
        }
        if (value instanceof com.sun.jdi.LongValue longValue) {
            return longValue.value();
        }
        if (value instanceof com.sun.jdi.BooleanValue bool) {
            return bool.value();
        }
        if (value instanceof PrimitiveValue primitive) {
            return primitive.toString();
        }
        return value.type().name();
    }

    /** Where the runtime's classes are: a jar in the local repository or runtime/target/classes. */
    private static String runtimeClasses() {
        try {
            return Path.of(dev.generators.Yield.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /** Reads a stream of the debuggee as it comes, so that the debuggee never blocks on a full pipe. */
    private static Thread drain(InputStream stream, StringBuffer into) {
        Thread reader = new Thread(
                () -> {
                    byte[] buffer = new byte[4096];
                    try {
                        for (int n; (n = stream.read(buffer)) >= 0; ) {
                            into.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                        }
                    } catch (IOException e) {
                        into.append("[closed: ").append(e).append("]\n");
                    }
                },
                "debuggee-output");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /** Ends the debuggee, whatever state it is in. */
    @Override
    public void close() {
        if (!ended) {
            try {
                vm.exit(1);
            } catch (VMDisconnectedException alreadyGone) {
                // it ended meanwhile
            }
        }
        try {
            vm.dispose();
        } catch (VMDisconnectedException alreadyGone) {
            // nothing left to release
        }
        process.destroyForcibly();
        try {
            process.waitFor(EVENT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
