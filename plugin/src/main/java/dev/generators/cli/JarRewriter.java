package dev.generators.cli;

import dev.generators.rewriter.ClassFiles;
import dev.generators.rewriter.ClassHierarchy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/** Rewrites the generators in a jar: a new jar with the same entries, rewritten classes replaced and frame classes added. */
final class JarRewriter {

    private JarRewriter() {}

    static ClassFiles.Outcome rewrite(Path jar, Path output, List<Path> classPath, boolean warnTypes)
            throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Map<String, Long> times = new HashMap<>();
        try (JarFile in = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> all = in.entries(); all.hasMoreElements(); ) {
                JarEntry entry = all.nextElement();
                try (InputStream content = in.getInputStream(entry)) {
                    entries.put(entry.getName(), content.readAllBytes());
                }
                times.put(entry.getName(), entry.getTime());
            }
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        entries.forEach((name, content) -> {
            if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
                classes.put(name, content);
            }
        });
        ClassFiles.Outcome outcome;
        List<Path> lookup = new ArrayList<>(List.of(jar));
        lookup.addAll(classPath);
        try (ClassHierarchy hierarchy = ClassHierarchy.of(lookup)) {
            outcome = ClassFiles.rewrite(classes, hierarchy, warnTypes);
        }
        if (outcome.summary().failed()) {
            return outcome;
        }
        Path folder = Files.createDirectories(output.toAbsolutePath().getParent());
        if (outcome.outputs().isEmpty()) {
            // Nothing to rewrite (none, or all done before): the jar stays byte for byte as it was.
            if (!Files.exists(output) || !Files.isSameFile(jar, output)) {
                Files.copy(jar, output, StandardCopyOption.REPLACE_EXISTING);
            }
            return outcome;
        }
        outcome.outputs().forEach((name, content) -> entries.put(name + ".class", content));
        Path temporary = Files.createTempFile(folder, output.getFileName().toString(), ".tmp");
        try {
            try (OutputStream file = Files.newOutputStream(temporary);
                    JarOutputStream out = new JarOutputStream(file)) {
                for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                    JarEntry written = new JarEntry(entry.getKey());
                    long time = times.getOrDefault(entry.getKey(), -1L);
                    if (time != -1) {
                        written.setTime(time);
                    }
                    out.putNextEntry(written);
                    out.write(entry.getValue());
                    out.closeEntry();
                }
            }
            Files.move(temporary, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return outcome;
    }
}
