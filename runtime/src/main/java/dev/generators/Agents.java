package dev.generators;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringTokenizer;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Whether something may watch a generator's body run line by line: a JVM started with an agent
 * (a debugger's {@code -agentlib:jdwp}, JaCoCo's or any {@code -javaagent}, a native
 * {@code -agentpath}), classes instrumented for JaCoCo ahead of time (its runtime on the class
 * path), or {@code -Ddev.generators.exact=true}. Where nothing can, the runtime ends a generator
 * whose last act is a {@code Yield.all} when that delegation ends, without resuming its body to
 * return null ({@link StateMachine#yieldAllLast}); where something may, every body runs to its
 * last line, so that a breakpoint there stops and a coverage report counts it.
 *
 * <p>Read once, the first time the delegation of such a {@code Yield.all} returns, from the JVM's own
 * command line ({@code /proc/self/cmdline} where the {@code java} launcher made the JVM, else the
 * JVM's input arguments through {@code java.lang.management}), the files of options it names
 * ({@code @file}, {@code -XX:VMOptionsFile}), the manifest of the jar of {@code -jar}
 * ({@code Launcher-Agent-Class}), and the variables the JVM and its launcher read options from.
 * What cannot be read counts as an agent. An agent attached to a running JVM is not seen
 * (docs/limitations.md).
 */
final class Agents {

    /** The system property that makes every body run to its last line, agent or not. */
    static final String EXACT_PROPERTY = "dev.generators.exact";

    /** The variables that the JVM ({@code JAVA_TOOL_OPTIONS}, {@code _JAVA_OPTIONS}) and the launcher read options from. */
    private static final List<String> OPTION_VARIABLES =
            Arrays.asList("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    /** The JVM's option that names a file of further options. */
    private static final String VM_OPTIONS_FILE = "-XX:VMOptionsFile=";

    /** The manifest attribute of an executable jar that names an agent to start before its main class. */
    private static final String LAUNCHER_AGENT = "Launcher-Agent-Class";

    /** A class of JaCoCo's runtime, which classes it instrumented ahead of time need on the class path. */
    private static final String JACOCO_RUNTIME = "org.jacoco.agent.rt.RT";

    /** Whether a body's every line must run: see the class comment. A constant for the JIT once read. */
    static final boolean WATCHED = watched();

    private Agents() {}

    private static boolean watched() {
        try {
            if (Boolean.getBoolean(EXACT_PROPERTY) || jacocoRuntimePresent()) {
                return true;
            }
            List<String> arguments = commandLine();
            if (arguments == null) {
                return true;
            }
            List<String> options = new ArrayList<>(arguments);
            for (String variable : OPTION_VARIABLES) {
                String value = System.getenv(variable);
                if (value != null) {
                    options.addAll(words(value, " \t\n\r\f"));
                }
            }
            return anAgent(options, true);
        } catch (RuntimeException | LinkageError | StackOverflowError refused) {
            // A security manager's refusal, say: what cannot be read cannot be told. Not thrown on,
            // which would leave this class unusable, and every chain that reads it failing.
            return true;
        }
    }

    /**
     * Whether {@code options} (the words of a command line, with the options the environment adds)
     * start an agent. Files the launcher or the JVM reads options from count with their words (an
     * argument file, {@code @file}; {@code -XX:VMOptionsFile=file}), and the jar of {@code -jar}
     * with its manifest's {@code Launcher-Agent-Class}; one that cannot be read counts as an
     * agent, since it cannot be told.
     *
     * @param argumentFiles whether an {@code @file} is an argument file to read (on the command
     *     line) or a word like any other (in an argument file, where the launcher reads none)
     */
    static boolean anAgent(List<String> options, boolean argumentFiles) {
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            String file = null;
            if (argumentFiles && option.startsWith("@") && option.length() > 1) {
                file = option.substring(1);
            } else if (option.startsWith(VM_OPTIONS_FILE)) {
                file = option.substring(VM_OPTIONS_FILE.length());
            } else if (option.equals("-jar") && i + 1 < options.size()) {
                if (launcherAgent(options.get(i + 1))) {
                    return true;
                }
            } else if (startsAnAgent(option)) {
                return true;
            }
            if (file != null) {
                String text = read(new File(file));
                if (text == null || anAgent(words(text, " \t\n\r\f\"'"), false)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the jar's manifest names an agent to start before its main class; true when it cannot be read. */
    private static boolean launcherAgent(String jar) {
        try (JarFile file = new JarFile(jar)) {
            Manifest manifest = file.getManifest();
            return manifest != null && manifest.getMainAttributes().getValue(LAUNCHER_AGENT) != null;
        } catch (IOException | RuntimeException unreadable) {
            return true;
        }
    }

    private static boolean startsAnAgent(String option) {
        return option.startsWith("-javaagent:")
                || option.startsWith("-agentlib:")
                || option.startsWith("-agentpath:")
                || option.startsWith("-Xrunjdwp")
                || option.equals("-Xdebug");
    }

    private static boolean jacocoRuntimePresent() {
        for (ClassLoader loader : new ClassLoader[] {
            Agents.class.getClassLoader(), Thread.currentThread().getContextClassLoader()
        }) {
            try {
                Class.forName(JACOCO_RUNTIME, false, loader);
                return true;
            } catch (ClassNotFoundException | LinkageError absent) {
                // not through this loader
            }
        }
        return false;
    }

    /**
     * The JVM's arguments, without the launcher's own name; null when they cannot be read. With
     * {@code java.io} and {@link StringTokenizer}, which a JVM has loaded by the time it runs a
     * program, rather than NIO's files and regular expressions; and no lambda, whose first use
     * in a JVM sets up {@code java.lang.invoke} (together some 15 ms more on the first read).
     */
    private static List<String> commandLine() {
        File proc = new File("/proc/self/cmdline");
        if (proc.canRead()) {
            String line = read(proc);
            if (line == null) {
                return null;
            }
            List<String> arguments = words(line, "\0");
            if (!arguments.isEmpty() && isJavaLauncher(arguments.get(0))) {
                return arguments.subList(1, arguments.size());
            }
            // Another program made the JVM (a jpackage launcher, an application embedding it):
            // its options are not on this command line.
        }
        try {
            // The options the JVM was started with, as it took them (the class path and main
            // class are not among them, nor needed): off Linux, and for a JVM made by another
            // program; some 40 ms, where the command line takes 1. By reflection, as the runtime
            // needs no module but java.base.
            Object bean = Class.forName("java.lang.management.ManagementFactory")
                    .getMethod("getRuntimeMXBean")
                    .invoke(null);
            Object options = Class.forName("java.lang.management.RuntimeMXBean")
                    .getMethod("getInputArguments")
                    .invoke(bean);
            @SuppressWarnings("unchecked")
            List<String> list = (List<String>) options;
            return list;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError unavailable) {
            return null;
        }
    }

    private static boolean isJavaLauncher(String program) {
        String name = new File(program).getName();
        return name.equals("java") || name.equals("javaw") || name.equals("java.exe") || name.equals("javaw.exe");
    }

    private static List<String> words(String text, String separators) {
        List<String> words = new ArrayList<>();
        for (StringTokenizer tokens = new StringTokenizer(text, separators); tokens.hasMoreTokens(); ) {
            words.add(tokens.nextToken());
        }
        return words;
    }

    /** The file's text, or null when it cannot be read. */
    private static String read(File file) {
        try (InputStream in = new FileInputStream(file)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes.write(buffer, 0, n);
            }
            return new String(bytes.toByteArray(), Charset.defaultCharset());
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }
}
