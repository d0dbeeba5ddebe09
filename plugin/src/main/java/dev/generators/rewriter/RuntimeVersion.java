package dev.generators.rewriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Whether the runtime on the class path can run the code this plugin generates: it reads
 * {@code StateMachine.GENERATED_CODE_LEVEL} from the runtime's class file (a constant, so one
 * read per run) and compares it with {@link RuntimeNames#GENERATED_CODE_LEVEL}. A runtime older
 * than the plugin would fail at run time, with a {@code NoSuchMethodError} at the first generator;
 * this fails the build instead, naming both versions.
 */
final class RuntimeVersion {

    private static final String RUNTIME_POM = "META-INF/maven/dev.generators/generators-runtime/pom.properties";
    private static final String PLUGIN_POM = "META-INF/maven/dev.generators/generators-maven-plugin/pom.properties";

    private RuntimeVersion() {}

    /**
     * Null if the runtime on the class path is recent enough, or is not there to read (the class
     * path given is not complete); else what is wrong and what to do.
     */
    static String problem(ClassHierarchy hierarchy) {
        byte[] stateMachine = hierarchy.classFile(RuntimeNames.STATE_MACHINE);
        if (stateMachine == null) {
            return null;
        }
        int level = level(stateMachine);
        if (level >= RuntimeNames.GENERATED_CODE_LEVEL) {
            return null;
        }
        String runtime = version(hierarchy.resource(RUNTIME_POM));
        String plugin = version(pluginPom());
        return "the generators-runtime on the class path (" + runtime + ", generated-code level " + level
                + ") lacks what this generators-maven-plugin (" + plugin + ") generates code for (level "
                + RuntimeNames.GENERATED_CODE_LEVEL + "): use generators-runtime " + plugin
                + ", the same version as the plugin";
    }

    /** {@code StateMachine.GENERATED_CODE_LEVEL}, or 0 for a runtime from before it existed. */
    static int level(byte[] stateMachine) {
        int[] level = {0};
        new ClassReader(stateMachine)
                .accept(
                        new ClassVisitor(Opcodes.ASM9) {
                            @Override
                            public FieldVisitor visitField(
                                    int access, String name, String descriptor, String signature, Object value) {
                                if (RuntimeNames.GENERATED_CODE_LEVEL_FIELD.equals(name)
                                        && value instanceof Integer v) {
                                    level[0] = v;
                                }
                                return null;
                            }
                        },
                        ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return level[0];
    }

    private static byte[] pluginPom() {
        try (InputStream in = RuntimeVersion.class.getClassLoader().getResourceAsStream(PLUGIN_POM)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException unreadable) {
            return null;
        }
    }

    private static String version(byte[] pomProperties) {
        if (pomProperties == null) {
            return "version unknown";
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(new String(pomProperties, StandardCharsets.ISO_8859_1)));
        } catch (IOException unreadable) {
            return "version unknown";
        }
        return properties.getProperty("version", "version unknown");
    }
}
