package validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static validation.Collect.list;
import static validation.Collect.of;

import dev.generators.Coroutine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourcesTest {

    @Test
    void finallyRunsAfterTheLastValue() {
        List<String> log = new ArrayList<String>();
        Iterator<Integer> it = Resources.tryFinally(log).iterator();
        assertEquals(1, (int) it.next());
        assertEquals(Collections.emptyList(), log);
        assertEquals(2, (int) it.next());
        assertEquals(of("between"), log);
        assertFalse(it.hasNext());
        assertEquals(of("between", "finally", "end"), log);
    }

    @Test
    void finallyYieldsOnTheNormalAndTheExceptionalPath() {
        assertEquals(of("try", "not failed", "finally", "after"), list(Resources.yieldInFinally(false)));
        Iterator<String> failing = Resources.yieldInFinally(true);
        assertEquals("try", failing.next());
        assertEquals("finally", failing.next());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, failing::next);
        assertEquals("boom", e.getMessage());
        assertFalse(failing.hasNext());
    }

    @Test
    void nestedTryCatchFinally() {
        assertEquals(of("inner", "q=4", "inner finally", "between", "outer finally"), list(Resources.nestedTry(3)));
        assertEquals(of("inner", "caught / by zero", "inner finally", "between", "outer finally"),
                list(Resources.nestedTry(0)));
    }

    @Test
    void returnThroughAYieldingFinally() {
        List<String> log = new ArrayList<String>();
        assertEquals(of(0, 1, 2, -1), list(Resources.returnThroughFinally(3, log)));
        assertEquals(of("finally"), log);
    }

    @Test
    void breakAndContinueThroughAYieldingFinally() {
        assertEquals(of("a", "f:a", "f:#b", "c", "f:c", "f:"),
                list(Resources.breakThroughFinally(of("a", "#b", "c", "", "d"))));
    }

    @Test
    void multiCatch() {
        assertEquals(of("start", "parsed 12"), list(Resources.multiCatch("12")));
        assertEquals(of("start", "NumberFormatException"), list(Resources.multiCatch("x")));
        assertEquals(of("start", "ClassCastException"), list(Resources.multiCatch(5)));
    }

    @Test
    void resourceIsOpenAcrossYieldsAndClosedAfter() {
        List<String> log = new ArrayList<String>();
        Iterator<String> it = Resources.withResource(log).iterator();
        assertEquals("in a", it.next());
        assertEquals("still a", it.next());
        assertEquals(of("open a"), log);
        assertEquals("out", it.next());
        assertEquals(of("open a", "close a"), log);
        assertFalse(it.hasNext());
    }

    @Test
    void twoResourcesCloseInReverseOrderBeforeCatchAndFinally() {
        List<String> log = new ArrayList<String>();
        assertEquals(of("ab", "ba"), list(Resources.twoResources(log, false)));
        assertEquals(of("open a", "open b", "close b", "close a", "finally"), log);
        log.clear();
        assertEquals(of("ab", "caught fail [open a, open b, close b, close a]"), list(Resources.twoResources(log, true)));
        assertEquals(of("open a", "open b", "close b", "close a", "finally"), log);
    }

    @Test
    void exceptionOfTheCloseIsSuppressed() {
        assertEquals(of("body", "body failed / close failed"), list(Resources.suppressed(true)));
        assertEquals(of("body", "close failed / -"), list(Resources.suppressed(false)));
    }

    @Test
    void nullResource() {
        assertEquals(of("null is fine: true"), list(Resources.nullResource()));
    }

    @Test
    void closeAtAYieldInsideNestedResourcesClosesThemAll() {
        List<String> log = new ArrayList<String>();
        Coroutine<Integer, Object, Void> c = Resources.closedInside(log);
        assertEquals(0, (int) c.next());
        assertEquals(of("open outer", "open inner0"), log);
        assertEquals(1, (int) c.next());
        assertEquals(of("open outer", "open inner0", "close inner0", "open inner1"), log);
        c.close();
        assertEquals(of("open outer", "open inner0", "close inner0", "open inner1", "close inner1", "close outer",
                "finally"), log);
        assertTrue(c.isDone());
        assertThrows(IllegalStateException.class, c::result);
    }

    @Test
    void finallyInsideFinally() {
        List<String> log = new ArrayList<String>();
        assertEquals(of("body", "outer finally", "inner finally"), list(Resources.finallyInFinally(false, log)));
        assertEquals(of("inner finally"), log);
        Iterator<String> it = Resources.finallyInFinally(true, log).iterator();
        assertEquals("body", it.next());
        assertEquals("outer finally", it.next());
        assertEquals("inner finally", it.next());
        assertEquals("failed", assertThrows(IllegalStateException.class, it::next).getMessage());
        assertEquals(of("inner finally", "inner finally"), log);
    }
}
