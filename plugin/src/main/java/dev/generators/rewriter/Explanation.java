package dev.generators.rewriter;

import java.util.List;
import java.util.stream.Collectors;
import org.objectweb.asm.Type;
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

    /**
     * @param method the {@code @Generator} method, for its name and parameter types
     * @param firstLine the line the body starts on ({@link GeneratorBody#firstLine()})
     */
    static String of(
            String owner,
            MethodNode method,
            String generatorClass,
            GeneratorKind kind,
            FrameLayout layout,
            PureYields pure,
            int firstLine) {
        StringBuilder text = new StringBuilder();
        text.append(owner.replace('/', '.'))
                .append('.')
                .append(ClassPlace.signature(method))
                .append(": ")
                .append(Type.getType(kind.descriptor).getClassName().replaceAll(".*\\.", ""))
                // "frame class": the words of the explanation files, which builds may compare
                .append(", frame class ")
                .append(generatorClass.replace('/', '.'))
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
                    .append(layout.yieldsSavedLocal ? " (the local yielded, saved at each yield)" : "")
                    .append(" until taken\n");
        }
        if (pure.pure()) {
            text.append("  a straight line of ")
                    .append(pure.yields())
                    .append(" pure yield(s): hasNext() answers without running the body, next() computes each value\n");
        }
        text.append("  state 0: the start, line ").append(firstLine).append('\n');
        for (FrameLayout.Suspension suspension : layout.suspensions.values()) {
            text.append("  state ")
                    .append(suspension.state())
                    .append(": Yield.")
                    .append(suspension.call())
                    .append(" at line ")
                    .append(suspension.line());
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
