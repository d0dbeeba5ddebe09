package locks;

import dev.generators.*;
import java.util.*;
public class Locks implements AutoCloseable {
    final Object lock = new Object();
    int count;
    public void close() { count += 100; }

    // the smallest case that made the analysis run out of memory
    @Generator
    public Iterator<Object> inLoopAfterYieldInTry(String s) {
        while (count < 2) {
            try {
                Yield.value(s);
                synchronized (lock) { count++; }
            } catch (RuntimeException e) {
            }
        }
        return Yield.done();
    }

    @Generator
    public Iterator<Object> throwingBodyCaughtInLoop() {
        for (int i = 0; i < 3; i++) {
            try {
                synchronized (lock) {
                    count++;
                    if (i == 1) throw new IllegalStateException("in lock " + i);
                }
            } catch (IllegalStateException e) {
                Yield.value(e.getMessage());
            }
            Yield.value(i);
        }
        return Yield.done();
    }

    @Generator
    public Iterator<Object> inResourcesInLoop() {
        for (int i = 0; i < 2; i++) {
            try (Locks self = this) {
                synchronized (lock) { count++; }
                Yield.value(count);
            }
        }
        Yield.value(count);
        return Yield.done();
    }

    @Generator
    public Iterator<Object> continueOutOfLockInTryInLoop() {
        for (int i = 0; i < 4; i++) {
            try {
                synchronized (lock) {
                    if (i % 2 == 0) continue;
                    count++;
                }
                Yield.value(i);
            } finally {
                count += 10;
            }
        }
        Yield.value(count);
        return Yield.done();
    }

    // refused once: no monitor is held after the try
    @Generator
    public Iterator<Object> yieldAfterTryHoldingLock(String s) {
        try { synchronized (lock) { count++; } } catch (RuntimeException e) { }
        Yield.value(s);
        return Yield.done();
    }

    @Generator
    public Iterator<Object> breakAndReturnOutOfLocks() {
        outer:
        for (int i = 0; ; i++) {
            synchronized (lock) {
                synchronized (this) {
                    if (i == 3) break outer;
                    count++;
                }
            }
            Yield.value(i);
            block: {
                synchronized (lock) { if (i == 1) break block; }
                Yield.value("not broken " + i);
            }
        }
        for (int j = 0; ; j++) {
            Yield.value("j" + j);
            synchronized (lock) { if (j == 1) return Yield.done(); }
        }
    }

    @Generator
    public Iterator<Object> locksInCatchAndFinally() {
        for (int i = 0; i < 2; i++) {
            try {
                Yield.value("try " + i);
                if (i == 0) throw new IllegalArgumentException("x");
            } catch (IllegalArgumentException e) {
                synchronized (lock) { count++; }
                Yield.value("caught");
            } finally {
                synchronized (lock) { count += 10; }
                Yield.value("finally " + count);
            }
        }
        return Yield.done();
    }

    @Generator
    public Iterator<Object> lockAroundTryInsideLoop() {
        int i = 0;
        do {
            synchronized (lock) {
                try {
                    if (i == 1) throw new UnsupportedOperationException();
                    count++;
                } catch (UnsupportedOperationException e) {
                    count += 5;
                } finally {
                    count += 1000;
                }
            }
            Yield.value(count);
        } while (++i < 3);
        return Yield.done();
    }

    @Generator
    public Iterator<Object> lockInSwitchExpression(int k) {
        for (int i = 0; i < 3; i++) {
            int v = switch ((i + k) % 3) {
                case 0 -> { synchronized (lock) { yield count++; } }
                case 1 -> 7;
                default -> { synchronized (this) { count--; } yield -1; }
            };
            Yield.value(v);
        }
        return Yield.done();
    }

    // a lock on the class object in a static generator, with an exception thrown out of it
    @Generator
    public static Iterable<String> staticLockOnClass(int n) {
        for (int i = 0; i < n; i++) {
            try {
                synchronized (Locks.class) {
                    if (i == 1) throw new IllegalArgumentException("thrown with the lock held");
                }
                Yield.value("free " + i);
            } catch (IllegalArgumentException e) {
                Yield.value(e.getMessage());
            }
        }
        return Yield.done();
    }

    // break out of a lock inside nested try blocks, a finally that locks again
    @Generator
    public Iterator<Object> lockInNestedTryFinally() {
        int i = 0;
        while (true) {
            try {
                try {
                    synchronized (lock) {
                        if (i++ == 2) break;
                        count++;
                    }
                } finally {
                    synchronized (this) { count += 10; }
                }
                Yield.value(count);
            } catch (RuntimeException e) {
                Yield.value("never");
            }
        }
        Yield.value("after " + count);
        return Yield.done();
    }
}
