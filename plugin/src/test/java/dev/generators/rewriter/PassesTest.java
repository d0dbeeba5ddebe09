package dev.generators.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** The rewriter's passes, one at a time, on methods javac compiled. */
class PassesTest {

    private static ClassNode read(byte[] classFile) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, 0);
        return node;
    }

    private static MethodNode method(ClassNode owner, String name) {
        return owner.methods.stream()
                .filter(m -> m.name.equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static MethodNode method(ClassNode owner, String name, String descriptor) {
        return owner.methods.stream()
                .filter(m -> m.name.equals(name) && m.desc.equals(descriptor))
                .findFirst()
                .orElseThrow();
    }

    /** The opcodes of {@code method}'s instructions before the first with {@code opcode}. */
    private static List<Integer> codeBefore(MethodNode method, int opcode) {
        List<Integer> opcodes = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn.getOpcode() == opcode) {
                return opcodes;
            }
            if (insn.getOpcode() >= 0) {
                opcodes.add(insn.getOpcode());
            }
        }
        throw new AssertionError("no opcode " + opcode + " in " + method.name);
    }

    private static List<MethodInsnNode> yields(MethodNode method) {
        List<MethodInsnNode> found = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            YieldCall call = YieldCall.of(insn);
            if (call != null && call.suspends()) {
                found.add((MethodInsnNode) insn);
            }
        }
        return found;
    }

    @Test
    void livenessKeepsOnlyLocalsReadAfterTheYield() throws Exception {
        ClassNode owner = read(Compiler.compile("""
                import dev.generators.*;
                class Live {
                    static Object body(int kept, int dropped) {
                        int sum = kept + dropped;
                        Yield.value(sum);
                        return kept;
                    }
                }
                """).get("Live"));
        MethodNode body = method(owner, "body");
        try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of())) {
            MethodAnalysis analysis = MethodAnalysis.of(owner.name, body, hierarchy);
            BitSet live = analysis.liveBefore(yields(body).get(0));
            assertEquals(BitSet.valueOf(new long[] {0b1}), live, "only `kept` (slot 0) is read after the yield");
        }
    }

    @Test
    void theGeneratorClassHasAFieldPerArgumentAndPerLocalLiveAcrossAYield() throws Exception {
        Map<String, byte[]> classes = Compiler.rewrite("""
                import dev.generators.*;
                import java.util.*;
                class Frame {
                    int base = 1;
                    @Generator
                    Iterator<Object> walk(List<String> words, boolean loud) {
                        int size = words.size();
                        for (String word : words) {
                            char first = word.charAt(0);
                            Yield.value(loud ? word.toUpperCase() : word);
                            Yield.value(first + base + size);
                        }
                        return Yield.done();
                    }
                }
                """);
        ClassNode frame = read(classes.get("Frame$walk$Generator"));
        List<String> fields =
                frame.fields.stream().map(f -> f.desc + " " + f.name).toList();
        assertEquals(
                List.of(
                        "LFrame; this$Frame",
                        "Ljava/util/List; words",
                        "Z loud",
                        "I size",
                        "Ljava/lang/Object; local$4",
                        "C first"),
                fields.subList(0, 6));
        assertTrue(
                frame.fields.stream().noneMatch(f -> f.name.equals("word")),
                "word is dead after its first yield: " + fields);
        assertEquals("dev/generators/StateMachine", frame.superName);
        assertTrue(frame.fields.stream().allMatch(f -> (f.access & Opcodes.ACC_PRIVATE) == 0));
    }

    @Test
    void yieldsOfOneBoxedPrimitiveTypeAreKeptUnboxedAndBoxedWhenTaken() throws Exception {
        Map<String, byte[]> classes = Compiler.rewrite("""
                import dev.generators.*;
                import java.util.*;
                class Boxes {
                    @Generator
                    static Iterator<Integer> ints(int n, int yielded$) {
                        for (int i = 0; i < n; i++) {
                            Yield.value(i);
                        }
                        Yield.value(n > 3 ? n : yielded$);
                        return Yield.done();
                    }
                    @Generator
                    static Iterator<Object> mixed(int n) {
                        Yield.value(n);
                        Yield.value(n * 2L);
                        return Yield.done();
                    }
                    @Generator
                    static Iterator<Integer> boxedAlready(Integer n) {
                        Yield.value(n);
                        Yield.value(1);
                        return Yield.done();
                    }
                    @Generator
                    static Iterator<Integer> delegating(List<Integer> rest) {
                        Yield.value(1);
                        Yield.all(rest);
                        return Yield.done();
                    }
                }
                """);
        ClassNode ints = read(classes.get("Boxes$ints$Generator"));
        FieldNode yielded = ints.fields.get(ints.fields.size() - 1);
        assertEquals("I", yielded.desc);
        assertEquals("yielded$$2", yielded.name, "named after every other field, the user's yielded$ included");
        assertTrue(ints.methods.stream().anyMatch(m -> m.name.equals(RuntimeNames.VALUE_YIELDED)));
        MethodNode body = read(classes.get("Boxes")).methods.stream()
                .filter(m ->
                        m.name.equals("ints-body") && m.desc.equals("(IILBoxes$ints$Generator;)Ljava/lang/Object;"))
                .findFirst()
                .orElseThrow();
        for (AbstractInsnNode insn : body.instructions) {
            assertFalse(insn instanceof MethodInsnNode call && call.name.equals("valueOf"), "the body boxes nothing");
        }
        for (String plain :
                List.of("Boxes$mixed$Generator", "Boxes$boxedAlready$Generator", "Boxes$delegating$Generator")) {
            ClassNode frame = read(classes.get(plain));
            assertTrue(frame.fields.stream().noneMatch(f -> f.name.startsWith("yielded$")), plain);
            assertTrue(frame.methods.stream().noneMatch(m -> m.name.equals(RuntimeNames.VALUE_YIELDED)), plain);
        }
    }

    @Test
    void argumentsTheBodyNeverReadsAreNotKeptPassedAsZeroOrNullAndShownNowhere() throws Exception {
        Map<String, byte[]> classes = Compiler.rewrite("""
                import dev.generators.*;
                import java.util.*;
                class Unread {
                    int base = 1;
                    @Generator
                    Iterator<Integer> range(int n, String unused) {
                        for (int i = 0; i < n; i++) {
                            Yield.value(i);
                        }
                        return Yield.done();
                    }
                    @Generator
                    Iterator<Integer> fromBase(int n) {
                        for (int i = 0; i < n; i++) {
                            Yield.value(base + i);
                        }
                        return Yield.done();
                    }
                }
                """);
        ClassNode range = read(classes.get("Unread$range$Generator"));
        assertEquals(
                List.of("I n", "I i"),
                range.fields.stream().map(f -> f.desc + " " + f.name).toList(),
                "no field for the receiver or for `unused`, which the body never reads"
                        + " (and no yielded$: the value yielded is i, which the yield saves)");
        assertTrue(range.methods.stream().anyMatch(m -> m.name.equals("<init>") && m.desc.equals("(I)V")));
        MethodNode call = method(read(classes.get("Unread")), "range", "(ILjava/lang/String;)Ljava/util/Iterator;");
        assertEquals(
                List.of("n", "unused"),
                call.localVariables.stream()
                        .filter(v -> v.index > 0)
                        .map(v -> v.name)
                        .toList(),
                "the method as called keeps every parameter's entry");
        ClassNode owner = read(classes.get("Unread"));
        MethodNode body =
                method(owner, "range-body", "(LUnread;ILjava/lang/String;LUnread$range$Generator;)Ljava/lang/Object;");
        assertEquals(
                List.of("i", "n"),
                body.localVariables.stream().map(v -> v.name).sorted().toList(),
                "the body shows neither the receiver nor `unused`, which hold null there");
        MethodNode resume = method(range, "resume");
        assertEquals(
                List.of(Opcodes.ACONST_NULL, Opcodes.ALOAD, Opcodes.GETFIELD, Opcodes.ACONST_NULL, Opcodes.ALOAD),
                codeBefore(resume, Opcodes.INVOKESTATIC),
                "resume() passes null for the receiver and for `unused`, n from its field");
        assertEquals(
                List.of("$this", "i", "n"),
                method(owner, "fromBase-body", "(LUnread;ILUnread$fromBase$Generator;)Ljava/lang/Object;")
                        .localVariables
                        .stream()
                        .map(v -> v.name)
                        .sorted()
                        .toList(),
                "a receiver the body reads shows as $this");
        ClassNode fromBase = read(classes.get("Unread$fromBase$Generator"));
        assertEquals("this$Unread", fromBase.fields.get(0).name, "a body that reads a member keeps the receiver");
    }

    @Test
    void anArgumentNoYieldRestoresIsClearedOnceWhenTheBodyStarts() throws Exception {
        Map<String, byte[]> classes = Compiler.rewrite("""
                import dev.generators.*;
                import java.util.*;
                class Once {
                    @Generator
                    static Iterator<String> each(List<String> words) {
                        for (String word : words) {
                            Yield.value(word);
                        }
                        return Yield.done();
                    }
                }
                """);
        MethodNode body = method(
                read(classes.get("Once")), "each-body", "(Ljava/util/List;LOnce$each$Generator;)Ljava/lang/Object;");
        List<AbstractInsnNode> clears = new ArrayList<>();
        for (AbstractInsnNode insn : body.instructions) {
            if (insn instanceof FieldInsnNode field
                    && insn.getOpcode() == Opcodes.PUTFIELD
                    && field.name.equals("words")
                    && field.getPrevious().getOpcode() == Opcodes.ACONST_NULL) {
                clears.add(insn);
            }
        }
        assertEquals(1, clears.size(), "words is cleared once, not at every yield");
        int firstYieldSave = -1;
        for (AbstractInsnNode insn : body.instructions) {
            if (insn instanceof FieldInsnNode field
                    && insn.getOpcode() == Opcodes.PUTFIELD
                    && field.name.equals("state")) {
                firstYieldSave = body.instructions.indexOf(insn);
                break;
            }
        }
        assertTrue(body.instructions.indexOf(clears.get(0)) < firstYieldSave, "the clear stands in the start block");
    }

    @Test
    void aGeneratorClassWhoseBodyHasNoYieldAllSaysItNeverDelegates() {
        Map<String, byte[]> classes = Compiler.rewrite("""
                import dev.generators.*;
                import java.util.*;
                class Delegation {
                    @Generator
                    static Iterator<String> plain(String word) {
                        Yield.value(word);
                        return Yield.done();
                    }
                    @Generator
                    static Iterator<String> delegating(List<String> words) {
                        Yield.all(words);
                        return Yield.done();
                    }
                    @Generator
                    static Coroutine<String, String, String> toACoroutine(Coroutine<String, String, String> inner) {
                        String result = Yield.all(inner);
                        return Yield.done(result);
                    }
                }
                """);
        MethodNode never = read(classes.get("Delegation$plain$Generator")).methods.stream()
                .filter(m -> m.name.equals(RuntimeNames.DELEGATES) && m.desc.equals(RuntimeNames.DELEGATES_DESC))
                .findFirst()
                .orElseThrow();
        List<Integer> opcodes = new ArrayList<>();
        never.instructions.forEach(insn -> opcodes.add(insn.getOpcode()));
        assertEquals(List.of(Opcodes.ICONST_0, Opcodes.IRETURN), opcodes);
        for (String delegating : List.of("Delegation$delegating$Generator", "Delegation$toACoroutine$Generator")) {
            assertTrue(
                    read(classes.get(delegating)).methods.stream()
                            .noneMatch(m -> m.name.equals(RuntimeNames.DELEGATES)),
                    delegating + " must inherit the runtime's delegates(), which says it may");
        }
    }

    @Test
    void newMoverPutsTheAllocationNextToItsConstructor() throws Exception {
        ClassNode owner = read(Compiler.compile("""
                import dev.generators.*;
                class Made {
                    static Object body() {
                        return new StringBuilder(Yield.<String>value("x"));
                    }
                }
                """).get("Made"));
        MethodNode body = method(owner, "body");
        try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of())) {
            MethodAnalysis analysis = MethodAnalysis.of(owner.name, body, hierarchy);
            NewMover.Moved moved = NewMover.apply(owner.name, body, analysis, hierarchy, body.maxLocals);
            assertTrue(moved.changedCode());
            assertEquals(body.maxLocals, moved.nextFreeSlot(), "one slot holds the constructor's argument");
            List<Integer> opcodes = new ArrayList<>();
            for (AbstractInsnNode insn : body.instructions) {
                if (insn.getOpcode() >= 0) {
                    opcodes.add(insn.getOpcode());
                }
            }
            assertEquals(
                    List.of(
                            Opcodes.LDC,
                            Opcodes.INVOKESTATIC,
                            Opcodes.CHECKCAST,
                            Opcodes.ASTORE,
                            Opcodes.NEW,
                            Opcodes.DUP,
                            Opcodes.ALOAD,
                            Opcodes.INVOKESPECIAL,
                            Opcodes.ARETURN),
                    opcodes);
        }
    }

    @Test
    void theHierarchyAnswersFromClassFilesWithoutLoadingThem() throws IOException {
        try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of())) {
            assertEquals(
                    "java/util/AbstractList",
                    hierarchy.commonSuperClass("java/util/ArrayList", "java/util/LinkedList"));
            assertEquals("java/lang/Object", hierarchy.commonSuperClass("java/lang/String", "java/util/List"));
            assertTrue(hierarchy.isInterface("java/util/List"));
            assertTrue(hierarchy.isSubtype("java/util/ArrayList", "java/util/Collection"));
            assertFalse(hierarchy.isKnown("no/such/Type"));
            assertEquals("java/lang/Object", hierarchy.superName("no/such/Type"));
        }
    }

    @Test
    void generatedNamesSayWhereTheyCameFrom() {
        Map<String, byte[]> classes = Compiler.rewrite("""
                import dev.generators.*;
                import java.util.*;
                class Names {
                    @Generator static Iterator<Integer> count(int n) { Yield.value(n); return Yield.done(); }
                    @Generator static Iterator<Integer> count(int from, int to) { Yield.value(from); return Yield.done(); }
                }
                """);
        assertTrue(classes.containsKey("Names$count$Generator"));
        assertTrue(classes.containsKey("Names$count$Generator2"));
        ClassNode owner = read(classes.get("Names"));
        List<String> methods = owner.methods.stream().map(m -> m.name + m.desc).toList();
        assertTrue(methods.contains("count-body(ILNames$count$Generator;)Ljava/lang/Object;"), methods::toString);
        assertTrue(methods.contains("count-body(IILNames$count$Generator2;)Ljava/lang/Object;"), methods::toString);
        for (FieldNode unused : read(classes.get("Names$count$Generator2")).fields) {
            assertFalse(unused.name.isEmpty());
        }
    }

    @Test
    void aNewExecutedAgainByTheAnalyzerMakesTheSameValue() throws Exception {
        // The analyzer re-executes an instruction whenever its frame changes (a handler merged
        // from many try ranges): the values of one NEW must keep merging with one another.
        try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of())) {
            TypeInterpreter types = new TypeInterpreter(hierarchy);
            org.objectweb.asm.tree.TypeInsnNode creation =
                    new org.objectweb.asm.tree.TypeInsnNode(Opcodes.NEW, "java/lang/Object");
            org.objectweb.asm.tree.analysis.BasicValue first = types.newOperation(creation);
            org.objectweb.asm.tree.analysis.BasicValue again = types.newOperation(creation);
            assertEquals(first, types.merge(first, again));
            assertTrue(first instanceof TypeInterpreter.Uninitialized);
        }
    }

    @Test
    void theExplanationListsEachStateWithItsLineAndWhatItKeeps() throws IOException {
        Map<String, byte[]> classes = Compiler.compile("""
                import dev.generators.*;
                import java.util.*;
                class Told {
                    @Generator
                    static Iterator<Object> pairs(int n) {
                        for (int i = 0; i < n; i++) {
                            Yield.value(i);
                            String s = "x" + i;
                            Yield.value(s + Yield.value(-i));
                        }
                        return Yield.done();
                    }
                }
                """);
        try (ClassHierarchy hierarchy = ClassHierarchy.of(List.of())) {
            classes.values().forEach(hierarchy::define);
            String explanation = new OwnerClassRewriter(hierarchy)
                    .rewrite(classes.get("Told"), "Told.class")
                    .explanation();
            assertEquals("""
                    Told.pairs(int): Iterator, frame class Told$pairs$Generator
                      fields: int n (argument), int i, Object stack$0
                      state 0: the start, line 6
                      state 1: Yield.value at line 7; keeps n, i
                      state 2: Yield.value at line 9; keeps n, i, and 1 value(s) waiting on the operand stack
                      state 3: Yield.value at line 9; keeps n, i
                    """, explanation);
        }
    }
}
