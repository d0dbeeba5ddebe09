package shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static shapes.Collect.list;

import dev.generators.Coroutine;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class CornersTest {

    @Test
    void localsAndParametersNamedLikeTheGeneratedFields() {
        assertEquals(List.of("state=5 result=1 value=v self=self received=7", "state=6 result=10 value=v received=7"),
                list(Corners.namesLikeTheMachinery(5)));
    }

    @Test
    void sameLocalNameWithDifferentTypesInSiblingScopes() {
        assertEquals(List.of(100, 101, 101, 102, "s0", 2, "s1", 2, 0.25, 1.0, 5L), list(Corners.sameNameDifferentTypes()));
    }

    @Test
    void privateNestedClassesAndRecordsAsLocalTypes() {
        assertEquals(List.of("hush", "3/2", "quiet Hidden[n=4]"), list(Corners.privateTypesAsLocals()));
    }

    @Test
    void yieldedValuesOfAPrivateRecordType() {
        assertEquals(List.of("Hidden[n=0]", "Hidden[n=1]"),
                list(Corners.yieldsPrivateRecords(2)).stream().map(String::valueOf).collect(Collectors.toList()));
    }

    @Test
    void wideIincIncrements() {
        assertEquals(List.of(-70_000, -40_000, -10_000, 20_000, 50_000, 1000, 871), list(Corners.wideIncrements()));
    }

    @Test
    void assertStatementInsideAGenerator() {
        assertEquals(List.of("checking 3", "ok 3"), list(Corners.withAssert(3)));
        Iterator<String> it = Corners.withAssert(-1).iterator();
        assertEquals("checking -1", it.next());
        AssertionError e = assertThrows(AssertionError.class, it::next);
        assertEquals("negative -1", e.getMessage());
    }

    @Test
    void typeVariableWithAnIntersectionBound() {
        assertEquals(List.of("5 min 5", "3 min 3", "8 min 3"), list(Corners.intersectionBound(List.of(5, 3, 8))));
    }

    @Test
    void genericArrayParameter() {
        assertEquals(List.of("b", "a"), list(Corners.reversed(new String[] {"a", "b"})));
    }

    @Test
    void returnOfTheSentValueLikePythonsReturnYield() {
        Coroutine<Integer, Object, Object> c = Corners.returnTheSentValue();
        assertEquals(1, c.next());
        assertThrows(NoSuchElementException.class, () -> c.send(2));
        assertEquals(2, c.result());
    }

    @Test
    void twoYieldsInsideTheReturnedExpression() {
        Coroutine<Integer, Object, List<Object>> plain = Corners.tupleOfYields();
        assertEquals(List.of(1, 2), list(plain));
        assertEquals(Arrays.asList(null, null), plain.result());
        Coroutine<Integer, Object, List<Object>> sent = Corners.tupleOfYields();
        assertEquals(1, sent.next());
        assertEquals(2, sent.send("a"));
        assertThrows(NoSuchElementException.class, () -> sent.send("b"));
        assertEquals(List.of("a", "b"), sent.result());
    }

    @Test
    void switchOnASentString() {
        Coroutine<String, String, Integer> c = Corners.switchOnSentString();
        assertEquals("score 0", c.next());
        assertEquals("score 1", c.send("up"));
        assertEquals("score 101", c.send("zzz"));
        assertEquals("score 100", c.send("down"));
        assertThrows(NoSuchElementException.class, () -> c.send("stop"));
        assertEquals(100, c.result());
    }

    @Test
    void forEachOverASentList() {
        Coroutine<String, List<String>, Object> c = Corners.forEachOverSentList();
        assertEquals("give me a list", c.next());
        assertEquals("item a", c.send(List.of("a", "b")));
        assertEquals("item b", c.next());
        assertEquals(false, c.hasNext());
    }

    @Test
    void arrayIndicesSentIn() {
        Coroutine<String, Integer, Integer> c = Corners.indexFromSend(new int[] {10, 20, 30});
        assertEquals("first index", c.send(null));
        assertEquals("second index", c.send(2));
        assertThrows(NoSuchElementException.class, () -> c.send(0));
        assertEquals(40, c.result());
    }

    @Test
    void exceptionConstructedAroundAYieldIsThrownAfterIt() {
        Iterator<String> it = Corners.throwWithYieldedMessage().iterator();
        assertEquals("about to throw", it.next());
        assertEquals("message?", it.next());
        IllegalStateException e = assertThrows(IllegalStateException.class, it::next);
        assertEquals("null", e.getMessage());
    }

    @Test
    void charArithmeticWithAYieldedOperand() {
        assertEquals(List.of("offset?", 'c'), list(Corners.charArithmetic()));
    }

    @Test
    void constructorWithLongAndDoubleArgumentsAroundAYield() {
        assertEquals(List.of("middle", "Wide[big=9223372036854775802, middle=null, ratio=0.125]", "in list",
                "Wide[big=1, middle=[null], ratio=-1.5]"),
                list(Corners.wideConstructorArguments()).stream().map(String::valueOf).collect(Collectors.toList()));
    }

    @Test
    void reenteringARunningGeneratorIsRefused() {
        Iterator<?>[] self = new Iterator<?>[1];
        self[0] = Corners.reentrant(self);
        assertEquals("first", self[0].next());
        assertThrows(IllegalStateException.class, self[0]::next);
    }

    @Test
    void streamWhoseBodyThrowsPropagatesFromTheTerminalOperation() {
        assertEquals(List.of(1, 2), Corners.streamThatFails().limit(2).collect(Collectors.toList()));
        try (Stream<Integer> s = Corners.streamThatFails()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.collect(Collectors.toList()));
            assertEquals("stream body failed", e.getMessage());
        }
    }

    @Test
    void iterableSpliteratorFeedsAStream() {
        assertEquals(List.of("3", "2", "1"), StreamSupport.stream(ReturnTypes.countdown(3).spliterator(), false)
                .map(String::valueOf).collect(Collectors.toList()));
    }

    @Test
    void subclassGeneratorCallsSuperMethodsAndTheOverriddenGenerator() {
        Animals.Dog rex = new Animals.Dog("rex");
        assertEquals(List.of("woof", "...", "rex says woof", "rex"), list(rex.both()));
        assertEquals(List.of("growl", "rex says woof", "rex says woof"), list(rex.speak(2)));
        assertEquals(List.of("tom says ..."), list(new Animals.Animal("tom").speak(1)));
    }

    @Test
    void recordInstanceGeneratorRecursingThroughYieldAllOnItsChildren() {
        Animals.Tree t = new Animals.Tree(2, new Animals.Tree(1, null, null),
                new Animals.Tree(3, null, new Animals.Tree(4, null, null)));
        assertEquals(List.of(1, 2, 3, 4), list(t.walk()));
    }

    @Test
    void coroutineSentNullStartsTheBody() {
        Coroutine<Integer, Object, Object> c = Corners.returnTheSentValue();
        assertEquals(1, c.send(null));
        assertThrows(NoSuchElementException.class, () -> c.send(null));
        assertNull(c.result());
    }
}
