package locks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each generator of Locks, rewritten by the plugin, yields what its source says; no monitor is left held. */
class LocksTest {

    private static List<Object> list(Iterator<?> generator) {
        List<Object> values = new ArrayList<>();
        generator.forEachRemaining(values::add);
        return values;
    }

    private static void assertNoLockHeld(Locks locks) {
        assertEquals(false, Thread.holdsLock(locks.lock));
        assertEquals(false, Thread.holdsLock(locks));
        assertEquals(false, Thread.holdsLock(Locks.class));
    }

    @Test
    void aLockInATryInALoop() {
        Locks locks = new Locks();
        assertEquals(List.of("s", "s"), list(locks.inLoopAfterYieldInTry("s")));
        assertNoLockHeld(locks);
    }

    @Test
    void aLockWhoseBodyThrows() {
        Locks locks = new Locks();
        assertEquals(List.of(0, "in lock 1", 1, 2), list(locks.throwingBodyCaughtInLoop()));
        assertNoLockHeld(locks);
    }

    @Test
    void aLockInTryWithResources() {
        Locks locks = new Locks();
        assertEquals(List.of(1, 102, 202), list(locks.inResourcesInLoop()));
    }

    @Test
    void continueOutOfALock() {
        assertEquals(List.of(1, 3, 42), list(new Locks().continueOutOfLockInTryInLoop()));
    }

    @Test
    void aYieldAfterATryHoldingALock() {
        assertEquals(List.of("s"), list(new Locks().yieldAfterTryHoldingLock("s")));
    }

    @Test
    void breakAndReturnOutOfNestedLocks() {
        Locks locks = new Locks();
        Iterator<Object> generator = locks.breakAndReturnOutOfLocks();
        assertEquals(0, generator.next());
        assertNoLockHeld(locks); // suspended: the body holds nothing between yields
        assertEquals(List.of("not broken 0", 1, 2, "not broken 2", "j0", "j1"), list(generator));
    }

    @Test
    void locksInCatchAndFinally() {
        assertEquals(List.of("try 0", "caught", "finally 11", "try 1", "finally 21"), list(new Locks().locksInCatchAndFinally()));
    }

    @Test
    void aLockAroundATry() {
        assertEquals(List.of(1001, 2006, 3007), list(new Locks().lockAroundTryInsideLoop()));
    }

    @Test
    void locksInSwitchExpressions() {
        assertEquals(List.of(0, 7, -1), list(new Locks().lockInSwitchExpression(0)));
    }

    @Test
    void aStaticLockOnTheClassWithAnExceptionThrownOutOfIt() {
        List<Object> values = new ArrayList<>();
        Locks.staticLockOnClass(3).forEach(values::add);
        assertEquals(List.of("free 0", "thrown with the lock held", "free 2"), values);
    }

    @Test
    void breakOutOfALockInNestedTryFinally() {
        Locks locks = new Locks();
        assertEquals(List.of(11, 22, "after 32"), list(locks.lockInNestedTryFinally()));
        assertNoLockHeld(locks);
    }
}
