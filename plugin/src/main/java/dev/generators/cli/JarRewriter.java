package dev.generators.cli;

import dev.generators.rewriter.AtomicFile;
import dev.generators.rewriter.BatchRewriter;
import dev.generators.rewriter.ClassHierarchy;
import dev.generators.rewriter.RewriteOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

/** Rewrites the generators in a jar: a new jar with the same entries, rewritten classes replaced and generator classes added. */
final class JarRewriter {

    private JarRewriter() {}

    /**
     * What became of a jar.
     *
     * @param outcome what the rewrite made of its classes
     * @param removedSignature the signature files removed from it (and, for the manifest, its
     *     per-entry digests): the rewritten classes would not match them
     */
    record Result(BatchRewriter.Outcome outcome, List<String> removedSignature) {}

    /** Signature files, which sign the entries as they were: {@code META-INF/*.SF}, its blocks, and {@code SIG-*}. */
    private static final Pattern SIGNATURE =
            Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)|META-INF/SIG-[^/]+", Pattern.CASE_INSENSITIVE);

    static Result rewrite(Path jar, Path output, List<Path> classPath, RewriteOptions options) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Map<String, Long> times = new HashMap<>();
        try (JarFile in = new JarFile(jar.toFile(), false)) { // its signature is removed below
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
        BatchRewriter.Outcome outcome;
        List<Path> lookup = new ArrayList<>(List.of(jar));
        lookup.addAll(classPath);
        try (ClassHierarchy hierarchy = ClassHierarchy.of(lookup)) {
            outcome = BatchRewriter.rewrite(classes, hierarchy, options);
        }
        if (outcome.summary().failed()) {
            return new Result(outcome, List.of());
        }
        Files.createDirectories(output.toAbsolutePath().getParent());
        if (outcome.outputs().isEmpty()) {
            // Nothing to rewrite (none, or all done before): the jar stays byte for byte as it was.
            if (!Files.exists(output) || !Files.isSameFile(jar, output)) {
                Files.copy(jar, output, StandardCopyOption.REPLACE_EXISTING);
            }
            return new Result(outcome, List.of());
        }
        outcome.outputs().forEach((name, content) -> entries.put(name + ".class", content));
        List<String> removed = removeSignature(entries);
        AtomicFile.write(output, file -> {
            JarOutputStream out = new JarOutputStream(file);
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
            out.finish();
        });
        return new Result(outcome, removed);
    }

    /**
     * Removes the jar's signature: its signature files, and the digest of each entry from the
     * manifest (an entry's section left with nothing else goes too). Returns what was removed.
     */
    private static List<String> removeSignature(Map<String, byte[]> entries) throws IOException {
        List<String> removed = new ArrayList<>();
        entries.keySet().removeIf(name -> {
            if (SIGNATURE.matcher(name).matches()) {
                removed.add(name);
                return true;
            }
            return false;
        });
        removed.sort(null);
        byte[] manifestBytes = entries.get(JarFile.MANIFEST_NAME);
        if (manifestBytes != null) {
            Manifest manifest = new Manifest(new ByteArrayInputStream(manifestBytes));
            boolean digests = false;
            for (Iterator<Attributes> sections = manifest.getEntries().values().iterator(); sections.hasNext(); ) {
                Attributes section = sections.next();
                digests |= section.keySet()
                        .removeIf(key -> key.toString().toUpperCase(Locale.ROOT).endsWith("-DIGEST"));
                if (section.isEmpty()) {
                    sections.remove();
                }
            }
            if (digests) {
                ByteArrayOutputStream written = new ByteArrayOutputStream();
                manifest.write(written);
                entries.put(JarFile.MANIFEST_NAME, written.toByteArray());
                removed.add(JarFile.MANIFEST_NAME + " (its entries' digests)");
            }
        }
        return removed;
    }
}
