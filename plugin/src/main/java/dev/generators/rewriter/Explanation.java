package dev.generators.rewriter;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * What the rewrite made of one generator, in words, for {@code target/generators/explain/}:
 *
 * <pre>
 * example.Fib.fibonacci(int): Iterable, frame class example.Fib$fibonacci$Generator
 *   fields: int count (argument), long a, long b, int i
 *   state 0: the start, line 10
 *   state 1: Yield.value at line 12; keeps a, b, i, count
 * </pre>
 */
final class Explanation {

    private Explanation() {}

    /** Read before the body is rewritten, while the yields are still in it. */
    static String of(String owner, MethodNode method, String generated, GeneratorKind kind, FrameLayout layout) {
        StringBuilder text = new StringBuilder();
        text.append(owner.replace('/', '.'))
                .append('.')
                .append(ClassPlace.signature(method))
                .append(": ")
                .append(Type.getType(kind.descriptor).getClassName().replaceAll(".*\\.", ""))
                .append(", frame class ")
                .append(generated.replace('/', '.'))
                .append('\n');
        List<FrameLayout.Field> arguments =
                layout.arguments.stream().map(FrameLayout.Argument::field).toList();
        text.append("  fields: ")
                .append(layout.fields().stream()
                        .map(field ->
                                Type.getType(field.descriptor()).getClassName().replaceAll(".*\\.", "") + " "
                                        + field.name() + (arguments.contains(field) ? " (argument)" : ""))
                        .collect(Collectors.joining(", ")))
                .append('\n');
        if (layout.yielded != null) {
            text.append("  yields ")
                    .append(layout.boxing.primitive().getClassName())
                    .append(" values, kept unboxed in ")
                    .append(layout.yielded.name())
                    .append(" until taken\n");
        }
        text.append("  state 0: the start, line ")
                .append(ClassPlace.firstLine(method))
                .append('\n');
        for (Map.Entry<MethodInsnNode, FrameLayout.Suspension> entry : layout.suspensions.entrySet()) {
            FrameLayout.Suspension suspension = entry.getValue();
            text.append("  state ")
                    .append(suspension.state())
                    .append(": Yield.")
                    .append(entry.getKey().name)
                    .append(" at line ")
                    .append(ClassPlace.lineOf(entry.getKey()));
            String kept = suspension.locals().stream()
                    .map(spill -> spill.field() == null ? "null" : spill.field().name())
                    .collect(Collectors.joining(", "));
            text.append(kept.isEmpty() ? "; keeps no locals" : "; keeps " + kept);
            if (!suspension.stack().isEmpty()) {
                text.append(", and ")
                        .append(suspension.stack().size())
                        .append(" value(s) waiting on the operand stack");
            }
            text.append('\n');
        }
        return text.toString();
    }
}
