package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/** {@link TypeChecks}: a value that can never have the declared type is refused; anything that may is not. */
class TypeChecksTest {

    private static final String IMPORTS = "import dev.generators.*;\nimport java.util.*;\nimport java.util.stream.*;\n";

    /** The one refusal of the source, checked to name the place and contain each of the words. */
    private static Misuse refused(String source, String place, String... words) {
        List<Misuse> misuses = Compiler.misuses(IMPORTS + source);
        assertEquals(1, misuses.size(), misuses::toString);
        Misuse misuse = misuses.get(0);
        assertTrue(misuse.toString().startsWith(place), () -> "expected " + place + ", got " + misuse);
        for (String word : words) {
            assertTrue(misuse.message().contains(word), () -> "expected '" + word + "' in " + misuse);
        }
        return misuse;
    }

    private static void accepted(String source) {
        List<Misuse> misuses = Compiler.misuses(IMPORTS + source);
        assertEquals(List.of(), misuses);
    }

    @Test
    void anIntYieldedIntoLongsIsRefusedWithTheLiteralToWrite() {
        refused(
                """
                class Longs {
                    @Generator
                    static Iterable<Long> upTo(int n) {
                        for (int i = 0; i < n; i++) {
                            Yield.value(i);
                        }
                        return Yield.done();
                    }
                }
                """,
                "Longs.java:8: Longs.upTo(int): Yield.value of an Integer",
                "can never be a Long",
                "Iterable<Long>",
                "yield a long: write 1L, or (long) i");
    }

    @Test
    void aStringYieldedIntoAnIteratorOfIntegersIsRefused() {
        refused(
                """
                class Words {
                    @Generator
                    static Iterator<Integer> words() {
                        Yield.value("one");
                        return Yield.done();
                    }
                }
                """,
                "Words.java:7: Words.words()",
                "a String, which can never be an Integer",
                "yield an Integer instead");
    }

    @Test
    void aStreamsElementTypeIsChecked() {
        refused(
                """
                class Streams {
                    @Generator
                    static Stream<Double> halves() {
                        Yield.value(1.0f);
                        return Yield.done();
                    }
                }
                """,
                "Streams.java:7:",
                "a Float, which can never be a Double",
                "yield a double: write 1.0, or (double) i");
    }

    @Test
    void aTypeVariableStandsForItsBound() {
        refused("""
                class Bounded {
                    @Generator
                    static <T extends Number> Iterable<T> numbers() {
                        Yield.value("seven");
                        return Yield.done();
                    }
                }
                """, "Bounded.java:7:", "a String, which can never be a Number");
    }

    @Test
    void aReceivedValueTakenAsATypeSCanNeverBeIsRefused() {
        refused(
                """
                class Sends {
                    @Generator
                    static Coroutine<String, Integer, Void> echo() {
                        String got = Yield.value("ready");
                        return Yield.done();
                    }
                }
                """,
                "Sends.java:7: Sends.echo()",
                "S = Integer",
                "used here as a String, which an Integer can never be");
    }

    @Test
    void aResultThatCanNeverBeRIsRefused() {
        refused(
                """
                class Results {
                    @Generator
                    static Coroutine<Integer, Void, String> count() {
                        Yield.value(1);
                        return Yield.done(42);
                    }
                }
                """,
                "Results.java:8: Results.count()",
                "Yield.done of an Integer, which can never be a String",
                "the result type R");
    }

    @Test
    void delegatingToAGeneratorOfOtherElementsIsRefused() {
        refused(
                """
                class Delegates {
                    @Generator
                    static Iterable<String> words() {
                        Yield.value("a");
                        return Yield.done();
                    }
                    @Generator
                    static Iterable<Integer> numbers() {
                        Yield.all(words());
                        return Yield.done();
                    }
                }
                """,
                "Delegates.java:12: Delegates.numbers()",
                "Yield.all of an Iterable<String>",
                "elements, of type String, can never be of type Integer");
    }

    @Test
    void theElementTypeOfAGenericFactoryIsInferredFromItsArguments() {
        refused("""
                class Factory {
                    @Generator
                    static Iterable<Integer> numbers() {
                        Yield.all(List.of("a", "b"));
                        return Yield.done();
                    }
                }
                """, "Factory.java:7:", "java.util.List<String>", "of type String, can never be of type Integer");
    }

    @Test
    void theElementTypeOfAVarargsFactoryIsTheArrayJavacMadeForIt() {
        List<Misuse> misuses = Compiler.misuses(IMPORTS + """
                class Varargs {
                    @Generator
                    static Iterable<Integer> numbers(String[] more) {
                        Yield.all(Arrays.asList("a", "b", "c"));
                        Yield.all(Arrays.asList(more));
                        Yield.all(Arrays.asList(1, "mixed"));
                        return Yield.done();
                    }
                }
                """);
        assertEquals(List.of(7, 8), misuses.stream().map(Misuse::line).toList(), misuses::toString);
        assertTrue(misuses.get(0).message().contains("java.util.List<String>"), misuses::toString);
    }

    @Test
    void aLocalsGenericTypeComesFromTheLocalVariableTypeTable() {
        refused("""
                class Locals {
                    @Generator
                    static Iterator<Integer> numbers(Collection<String> words) {
                        List<String> copy = new ArrayList<>(words);
                        Yield.all(copy);
                        return Yield.done();
                    }
                }
                """, "Locals.java:8:", "java.util.List<String>");
    }

    @Test
    void aParametersGenericTypeComesFromTheMethodSignature() {
        List<Misuse> misuses = Compiler.misuses(IMPORTS + """
                class Parameters {
                    @Generator
                    static Iterator<Integer> numbers(Set<String> words) {
                        Yield.all(words);
                        return Yield.done();
                    }
                }
                """, "-g:none");
        assertEquals(1, misuses.size(), misuses::toString);
        assertTrue(misuses.get(0).message().contains("java.util.Set<String>"), misuses::toString);
    }

    @Test
    void aFieldsGenericTypeAndAMethodOfItsElementsAreFollowed() {
        refused("""
                class Fields {
                    private final List<String> names = new ArrayList<>();
                    @Generator
                    Iterator<Integer> numbers() {
                        Yield.all(names.iterator());
                        return Yield.done();
                    }
                }
                """, "Fields.java:8:", "java.util.Iterator<String>");
    }

    /**
     * javac types {@code Yield.all(Coroutine<?, ?, R>)} itself, so the cast is made in the class
     * file: {@code Number total = Yield.all(counter())} with its {@code CHECKCAST Number} turned
     * into {@code CHECKCAST String}, as a compiler that typed it less strictly would emit.
     */
    @Test
    void aDelegatedCoroutinesResultTakenAsAnotherTypeIsRefused() {
        Map<String, byte[]> classes = Compiler.compile(IMPORTS + """
                class Results {
                    @Generator
                    static Coroutine<Integer, Void, Integer> counter() {
                        Yield.value(1);
                        return Yield.done(1);
                    }
                    @Generator
                    static Iterable<Integer> outer() {
                        Number total = Yield.all(counter());
                        return Yield.done();
                    }
                }
                """);
        ClassNode node = new ClassNode();
        new ClassReader(classes.get("Results")).accept(node, 0);
        MethodNode outer = node.methods.stream()
                .filter(m -> m.name.equals("outer"))
                .findFirst()
                .orElseThrow();
        TypeInsnNode cast = (TypeInsnNode) Arrays.stream(outer.instructions.toArray())
                .filter(insn -> insn.getOpcode() == Opcodes.CHECKCAST)
                .findFirst()
                .orElseThrow();
        assertEquals("java/lang/Number", cast.desc);
        cast.desc = "java/lang/String";
        ClassWriter writer = new ClassWriter(0);
        node.accept(writer);
        List<Misuse> misuses = Compiler.misuses(Map.of("Results", writer.toByteArray()));
        assertEquals(1, misuses.size(), misuses::toString);
        Misuse misuse = misuses.get(0);
        assertTrue(misuse.toString().startsWith("Results.java:12: Results.outer()"), misuse::toString);
        assertTrue(misuse.message().contains("R = Integer"), misuse::toString);
        assertTrue(misuse.message().contains("used here as a String, which an Integer can never be"), misuse::toString);
    }

    /** A local variable table entry that says String for a slot holding an Integer: javac never writes one. */
    @Test
    void aDeclaredTypeTheVerifierContradictsIsNotTrusted() {
        Map<String, byte[]> classes = Compiler.compile(IMPORTS + """
                class Tables {
                    @Generator
                    static Iterable<Integer> numbers() {
                        Integer n = 1;
                        Yield.value(n);
                        String none = null;
                        Yield.value(none);
                        return Yield.done();
                    }
                }
                """);
        ClassNode node = new ClassNode();
        new ClassReader(classes.get("Tables")).accept(node, 0);
        node.methods.stream()
                .filter(m -> m.name.equals("numbers"))
                .flatMap(m -> m.localVariables.stream())
                .filter(local -> local.name.equals("n"))
                .forEach(local -> local.desc = "Ljava/lang/String;");
        ClassWriter writer = new ClassWriter(0);
        node.accept(writer);
        assertEquals(List.of(), Compiler.misuses(Map.of("Tables", writer.toByteArray())));
    }

    @Test
    void everyWrongPlaceIsReportedAtItsOwnLine() {
        List<Misuse> misuses = Compiler.misuses(IMPORTS + """
                class Many {
                    @Generator
                    static Coroutine<Long, Long, Long> all() {
                        Yield.value(1);
                        Yield.value("two");
                        Integer sent = Yield.value(3L);
                        return Yield.done(4);
                    }
                }
                """);
        assertEquals(List.of(7, 8, 9, 10), misuses.stream().map(Misuse::line).toList(), misuses::toString);
    }

    @Test
    void wellTypedGeneratorsAtTheEdgesAreAccepted() {
        accepted("""
                class Fine {
                    sealed interface Shape permits Circle, Square {}
                    record Circle(double r) implements Shape {}
                    record Square(double side) implements Shape {}
                    static class Open {}
                    static final class Closed {}
                    @Generator
                    static Iterable<Number> subtypes() {
                        Yield.value(1);
                        Yield.value(2L);
                        Number n = 3;
                        Yield.value(n);
                        Yield.value(null);
                        return Yield.done();
                    }
                    @Generator
                    static Iterable<Long> declaredWider() {
                        Number n = 1L;
                        Object o = "not checked";
                        Yield.value(n);
                        return Yield.done();
                    }
                    @Generator
                    static Iterable<? extends Number> upperWildcard() {
                        Yield.value(1.5);
                        return Yield.done();
                    }
                    @Generator
                    static Iterable<? super Integer> lowerWildcard() {
                        Yield.value("anything is an Object");
                        return Yield.done();
                    }
                    @Generator
                    static Iterable<?> anything() {
                        Yield.value(new Object());
                        return Yield.done();
                    }
                    @SuppressWarnings("rawtypes")
                    @Generator
                    static Iterable raw() {
                        Yield.value("x");
                        Yield.value(1);
                        return Yield.done();
                    }
                    @Generator
                    static <T> Iterable<T> generic(T first, List<? extends T> rest) {
                        Yield.value(first);
                        Yield.all(rest);
                        return Yield.done();
                    }
                    @Generator
                    static <T extends Comparable<T>> Iterator<T> bounded(T a) {
                        Yield.value(a);
                        return Yield.done();
                    }
                    @Generator
                    static Iterable<Shape> sealedAndRecords(Open open) {
                        Yield.value(new Circle(1));
                        Yield.value(new Square(2));
                        Object o = open;
                        Yield.value((Shape) o);
                        return Yield.done();
                    }
                    @Generator
                    static Iterable<Comparable<?>> interfaces(CharSequence text) {
                        Yield.value("s");
                        Yield.value(1);
                        return Yield.done();
                    }
                    @Generator
                    static Iterable<Open> interfaceIntoNonFinalClass(Runnable r) {
                        Yield.value(r);
                        return Yield.done();
                    }
                    @Generator
                    static Iterable<Object[]> arrays(String[] words, Integer[][] grid) {
                        Yield.value(words);
                        Yield.value(grid);
                        return Yield.done();
                    }
                    @Generator
                    static Iterable<int[]> primitiveArrays(int[] xs) {
                        Yield.value(xs);
                        Yield.value(new int[0]);
                        return Yield.done();
                    }
                    @Generator
                    static Iterable<Cloneable> arraysAreCloneable(int[] xs) {
                        Yield.value(xs);
                        return Yield.done();
                    }
                    @Generator
                    static Coroutine<?, ?, Integer> wildcards() {
                        String any = Yield.value("x");
                        return Yield.done(1);
                    }
                    @Generator
                    static Coroutine<Integer, Number, Void> sends() {
                        Integer i = Yield.value(1);
                        Comparable<?> c = Yield.value(2);
                        return Yield.done(null);
                    }
                    @Generator
                    static Iterable<Number> delegations(List<Integer> xs, Iterator<? extends Number> ys) {
                        Yield.all(xs);
                        Yield.all(ys);
                        Yield.all(List.of(1, 2L));
                        Yield.all(Collections.emptyList());
                        Yield.all(subtypes());
                        Number r = Yield.all(inner());
                        return Yield.done();
                    }
                    @Generator
                    static Coroutine<Integer, Void, Integer> inner() {
                        Yield.value(1);
                        return Yield.done(2);
                    }
                    @Generator
                    static Iterable<String> received() {
                        Integer ignored = Yield.value("an Iterable declares no S");
                        return Yield.done();
                    }
                }
                """);
    }

    @Test
    void aClassOffTheClassPathIsNeverProvedDisjoint() throws IOException {
        Map<String, byte[]> classes = Compiler.compile(IMPORTS + """
                class Partial {
                    @Generator
                    static Iterable<Long> values(Missing m) {
                        Yield.value(m);
                        return Yield.done();
                    }
                }
                class Missing {}
                """);
        try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of())) {
            hierarchy.define(classes.get("Partial"));
            OwnerClassRewriter.Result result =
                    new OwnerClassRewriter(hierarchy).rewrite(classes.get("Partial"), "Partial");
            assertEquals(List.of(), result.misuses());
        }
    }

    @Test
    void warningsLeaveTheGeneratorRewritten() throws IOException {
        Map<String, byte[]> classes = Compiler.compile(IMPORTS + """
                class Warned {
                    @Generator
                    static Iterable<Long> upTo(int n) {
                        Yield.value(n);
                        return Yield.done();
                    }
                }
                """);
        try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of())) {
            OwnerClassRewriter.Result result = new OwnerClassRewriter(
                            hierarchy, RewriteOptions.DEFAULT.warningOfTypes(true))
                    .rewrite(classes.get("Warned"), "Warned");
            assertEquals(List.of(), result.misuses());
            assertEquals(1, result.warnings().size(), result.warnings()::toString);
            assertTrue(result.warnings().get(0).toString().startsWith("Warned.java:7: Warned.upTo(int)"));
            assertFalse(result.classes().isEmpty(), "the generator was rewritten");
        }
    }
}
