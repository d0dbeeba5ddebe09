package dev.generators;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The base class of every generated generator: the protocol of {@link Coroutine}, around a
 * {@link #resume()} that the rewriter generates.
 *
 * <p>A {@code @Generator} method {@code Fib.fibonacci} becomes a final class
 * {@code Fib$fibonacci$Generator extends StateMachine} holding the method's frame, whose
 * {@code resume()} calls the rewritten body, kept in {@code Fib} as a synthetic static method of
 * the same name. The body runs until its next suspension and returns what it yielded; or it
 * sets {@link #state} to -1 and returns its result; or it returns the marker that
 * {@link #yieldAll(Iterator)} gives. The public members below that are not part of
 * {@link Coroutine} are used by that generated code only.
 *
 * @param <Y> the type of the values yielded
 * @param <S> the type of the values sent in
 * @param <R> the type of the result
 */
public abstract class StateMachine<Y, S, R> implements Coroutine<Y, S, R> {

    /**
     * What generated code this runtime can run: the plugin reads this constant from the class
     * file on the compile class path and fails the build when it is lower than the level of the
     * code it generates (a runtime older than the plugin). Raised whenever generated code starts
     * to use something the runtime did not have: 3 since generated classes override
     * {@link #hasNext()} and {@link #next()}, which a runtime of level 2 declared final; 4 since
     * the generated class of a body of pure straight-line yields calls {@link #hasNextPure} and
     * {@link #nextPure}; 5 since a {@code Yield.all} that is the body's last act calls
     * {@link #yieldAllLast}.
     */
    public static final int GENERATED_CODE_LEVEL = 5;

    /** Returned by the body when it suspended to drain a delegate; see {@link #yieldAll(Iterator)}. */
    private static final Object DELEGATING = new Object();

    /** Returned by {@link #advance} when the body finished. */
    private static final Object FINISHED = new Object();

    /** For {@link #stepChain}: the innermost generator has not been resumed yet. */
    private static final Object NOT_YET = new Object();

    // What state holds besides the resume point the body dispatches on (see state).

    /** In {@link #state}: the body has returned or thrown; every resume is over. */
    private static final short DONE = -1;
    /**
     * Added to {@link #state}: suspended at that resume point, with the value it yielded fetched by
     * {@code hasNext()} and not yet taken. So one compare, {@code state < AHEAD}, says that a value
     * must be fetched (or that the call re-enters the body, which step() refuses), and
     * {@link #DONE} a second. A body has fewer than 16,384 yields: each takes more than the four
     * bytes of code a method of 64 KB would need for as many.
     */
    private static final short AHEAD = 0x4000;

    /**
     * In {@link #flags}: {@link #exchange} is an exception to throw at the pending yield. Set only for
     * a resume that raises, and cleared by {@link #received()}, which every resume at a yield
     * calls: so a resume that sends or fetches never writes the flags, and C2 sees them unchanged
     * in a consumer's loop.
     */
    private static final byte RAISING = 1;
    /** In {@link #flags}: the body finished through {@code Yield.done}, so that {@link #exchange} is its result. */
    private static final byte RETURNED = 2;
    /**
     * In {@link #flags}: a coroutine that the {@linkplain #watchCoroutines watcher} watches from
     * its creation and that nobody has resumed, closed or delegated to yet. It is {@link #held} too,
     * so that every call of the protocol meets it in the branch that refuses a
     * re-entry, which no other generator ever takes (a {@code range} pays nothing for the watch);
     * there it becomes a plain new generator, and {@link #delegate} holds what the watcher asked
     * to run at that moment.
     */
    private static final byte UNSTARTED_WATCHED = 4;
    /**
     * In {@link #flags}: {@link #hasNextPure} answered yes without running the body, whose next
     * value is computed only as {@link #nextPure} takes it. The body is at {@link #state} still,
     * not {@link #AHEAD}; every other call of the protocol first runs it to where an eager
     * {@code hasNext()} would have left it ({@link #settle}), so that none can tell the
     * difference, which a pure body cannot show otherwise.
     */
    private static final byte PEEKED = 8;
    /**
     * In {@link #flags} of the root of a chain of generators delegating to one another: two or
     * more deep, so that its {@link #delegate} is the innermost's delegator, not the innermost.
     * Written only as a chain grows past one deep or shrinks back to it, so a generator that
     * does not delegate never writes it (see {@link #RAISING}).
     */
    private static final byte DEEP = 16;
    /**
     * In {@link #flags}: the body's pending {@code Yield.all} is its last act
     * ({@link #yieldAllLast}): when the generator it delegates to returns, this one ends with null,
     * as its body would, without resuming it, unless an agent may watch the body run
     * ({@link Agents}, checked there rather than here so that {@code yieldAllLast} stays small
     * enough for C2 to inline into a body at a cold call site). Written once, as the delegation
     * begins.
     */
    private static final byte LAST = 32;

    /** Told of each coroutine created; see {@link #watchCoroutines}. */
    private static volatile Function<? super Coroutine<?, ?, ?>, ? extends Runnable> coroutineWatcher;

    /**
     * Where the body resumes: 0 at the start, k after the k-th yield (in code order), and -1 once
     * it has returned. While a value fetched ahead by {@code hasNext()} waits, {@link #AHEAD} more,
     * which the protocol takes off before the body runs again. Read and written by the generated
     * body; public because the body is a method of the user's class, not of this one.
     *
     * <p>The protocol's own state (not started, suspended, fetched ahead, done) is this field too,
     * rather than a status beside it: where the generator is not scalar-replaced (a shared helper
     * drains it, before the method that creates it is compiled with the loop), C2 then folds the
     * writes of an element into this one field, keeps its value in a register from element to
     * element, and compiles the consumer's loop as it does a hand-written iterator's. With a status
     * beside it, {@code range} took 1.1 ns per element there against 0.3 for a hand-written
     * iterator; with one field, 0.3 (docs/performance.md, "One field for the protocol").
     */
    public short state;

    /**
     * {@link #RAISING}, {@link #RETURNED}, {@link #UNSTARTED_WATCHED} and {@link #PEEKED}: bits of
     * one byte rather than booleans, so that this class's fields take 12 bytes after the header with
     * {@link #held}, and a suspended {@code range} generator (two ints more) takes 32.
     */
    private byte flags;
    /**
     * Running: its body runs, or the protocol holds it while something else runs on its behalf (a
     * stream's terminal operation draining it, the generator it delegates to by {@code Yield.all},
     * an iterator a {@code Yield.all} in it drains), or {@code send} and {@code raise} have not yet
     * taken the value it yielded. A call of the protocol meanwhile is refused as a re-entry. Set and
     * cleared around every resume: C2 drops or sinks the two stores in a consumer's loop, as long as
     * the state the loop tests is {@link #state}, not this.
     */
    private boolean held;
    /**
     * What passes between the protocol and the body, one thing at a time: what the pending yield
     * receives (the value sent, or the exception raised), until the body's {@link #received()}
     * takes it as it resumes; then the value yielded and not yet taken, or the result once
     * finished. Never both: a resume takes its input before the body can yield, and a value
     * fetched ahead refuses a {@code send} or {@code raise} that would bring input. One field, so
     * that a suspended {@code range} generator takes 32 bytes.
     *
     * <p>In a generator that delegates to another by {@code Yield.all} and is itself delegated to
     * by one other than the root of the chain (see {@link #delegate}), none of these can be
     * there: it holds the generator that delegates to it, the chain's link outwards, until its
     * delegate ends.
     */
    private Object exchange;
    /**
     * What a {@code Yield.all} in the body drains: an {@code Iterator}, a foreign
     * {@code Coroutine}, or another generator. Generators delegating to one another form a chain
     * that the root, the generator the consumer resumes, steps from its innermost: in the root,
     * this is the innermost, or, two or more deep ({@link #DEEP}), the innermost's delegator,
     * whose delegate is the innermost. Each delegator between them holds its own delegator in
     * {@link #exchange} (null for the root's own delegate), so that when the innermost ends, its
     * delegator takes its place in one step at any depth.
     */
    private Object delegate;

    protected StateMachine() {}

    /**
     * Runs the body from where it was suspended to its next suspension. Generated.
     *
     * @return the value yielded, the result once {@link #state} is -1, or a marker that the body
     *     began a delegation
     */
    protected abstract Object resume();

    /**
     * The value a resume yielded, from what {@link #resume()} returned: that, unless every yield
     * of the body is a boxed primitive of one type. Then the body keeps the primitive in a field
     * and returns null, and the generated class boxes it here, as the value is taken, so that C2
     * can drop the box in the consumer's loop as it does for a hand-written iterator. Generated.
     */
    protected Object valueYielded(Object returned) {
        return returned;
    }

    /**
     * Whether the body has a {@code Yield.all}. Generated, as {@code return false}, for a body
     * without one: {@link #step} then leaves out the paths of a delegation where C2 inlines it
     * into a consumer's loop. Those paths call methods too large to inline, passing this object;
     * once any generator in the program has delegated, C2 compiles them in, the generator escapes
     * through them, and is never scalar-replaced: {@code range} ran 8 times slower.
     */
    protected boolean delegates() {
        return true;
    }

    /**
     * A fresh run of the same generator from the arguments given at the call. Generated for
     * methods that return {@code Iterable}, whose {@code iterator()} must start afresh.
     */
    protected StateMachine<Y, S, R> restart() {
        throw new UnsupportedOperationException(
                describe() + " runs once: only a generator declared to return Iterable can be iterated again");
    }

    /**
     * Installs {@code watcher}, or removes it with null: from then on it is given each coroutine
     * created (a generator whose method is declared to return {@link Coroutine}; never an
     * {@code Iterable}, {@code Iterator} or {@code Stream} one), and may return what to run when
     * that coroutine is first resumed, closed, or delegated to by {@code Yield.all}, or null to let
     * it be. The event loop installs one to report the coroutines that are never awaited, as
     * Python warns of them. One watcher at a time; it runs on the thread that creates the coroutine.
     */
    public static void watchCoroutines(Function<? super Coroutine<?, ?, ?>, ? extends Runnable> watcher) {
        coroutineWatcher = watcher;
    }

    /**
     * Called by the generated method of a generator declared to return {@link Coroutine}, on the
     * object it returns, for the {@linkplain #watchCoroutines watcher}.
     *
     * @return this coroutine
     */
    public final StateMachine<Y, S, R> coroutineCreated() {
        Function<? super Coroutine<?, ?, ?>, ? extends Runnable> watcher = coroutineWatcher;
        if (watcher != null) {
            Runnable onFirstUse = watcher.apply(this);
            if (onFirstUse != null) {
                delegate = onFirstUse;
                flags = UNSTARTED_WATCHED;
                held = true;
            }
        }
        return this;
    }

    /**
     * {@code generator Fib.fibonacci} for the class the rewriter names {@code Fib$fibonacci$Generator}
     * (or {@code Fib$fibonacci$Generator2} for the second overload of that name): the name messages
     * give a generator, also once it is gone (the event loop's report of a coroutine never awaited).
     */
    public static String describe(Class<?> generatorClass) {
        String name = generatorClass.getName();
        int suffix = name.lastIndexOf("$Generator");
        int dollar = suffix > 0 ? name.lastIndexOf('$', suffix - 1) : -1;
        if (dollar <= 0) {
            return "generator " + name;
        }
        // The owner's name and the method's may both hold a '$' (a nested class; a method named
        // a$b): the owner is the longest prefix that is a class, and a top-level name is one.
        int simpleName = name.lastIndexOf('.') + 1;
        int split = dollar;
        while (split > simpleName
                && name.indexOf('$', simpleName) < split
                && !isClass(name.substring(0, split), generatorClass.getClassLoader())) {
            int before = name.lastIndexOf('$', split - 1);
            if (before < simpleName) {
                split = dollar;
                break;
            }
            split = before;
        }
        return "generator " + name.substring(0, split) + "." + name.substring(split + 1, suffix);
    }

    // ---- the protocol ----

    // hasNext() and next() test the state, not what step() returned: once both are inlined into a
    // consumer's loop, next()'s test is the very one hasNext() just made, and C2 drops it. Testing
    // step()'s result instead left JDK 25 re-deriving the status in the loop, at each element.
    //
    // Not final: every generated class overrides hasNext() and next() with a call of these, so
    // that each class has a compiled copy of its own. Where a shared loop drains many kinds of
    // iterator, its call is megamorphic and is not inlined; it lands in the class's own copy,
    // where C2 knows the exact class of `this` and inlines resume(), the body, delegates() and
    // valueYielded() into it. Inherited, the one copy of these methods served every generator
    // class of the program, and with three or more of them behind the shared loop, each element
    // made those calls through the vtable: 10 to 11 ns per element of range, against 5.3 with
    // the copies and 4.7 for a hand-written iterator (docs/performance.md, "Each generator class
    // its own hasNext() and next()").

    /** {@inheritDoc} Overridden by every generated class with a call of this one; see above. */
    @Override
    public boolean hasNext() {
        if (state < AHEAD && state != DONE) {
            step(null, false, true);
        }
        return state >= AHEAD;
    }

    /** {@inheritDoc} Overridden by every generated class with a call of this one; see {@link #hasNext()}. */
    @Override
    public Y next() {
        if (state < AHEAD && state != DONE) {
            step(null, false, true);
        }
        if (state < AHEAD) {
            throw new NoSuchElementException(describe() + " has finished");
        }
        state -= AHEAD;
        return take();
    }

    /**
     * {@code hasNext()} of a generated class whose body is a straight line of {@code yields}
     * yields, every value computed from the arguments, locals and constants alone, by code that
     * cannot throw, write or read anything else, or call anything but a box's {@code valueOf}
     * (the plugin's {@code PureYields}). Before the last yield, a value is certain to come and
     * computing it early or late is the same: this answers yes without running the body, and
     * {@link #nextPure} computes the value as it takes it. So a consumer's loop has the shape of a
     * hand-written iterator's, {@code while (i < n) { ...i++... }}: a counted loop, which C2
     * unrolls and folds where the generator is scalar-replaced. Running the body here instead
     * (the value fetched ahead, as {@link #hasNext()} does) left C2 a loop it does not count: a
     * 3-value generator took 2 to 3 ns on JDK 25 against 0.6 to 1.2 for the hand-written
     * iterator, and with this, the same code as the hand-written one (docs/performance.md,
     * "Pure straight-line generators").
     *
     * <p>After the last yield, it runs the rest of the body, which returns; otherwise (finished,
     * fetched ahead, held) it is {@link #hasNext()}.
     */
    protected final boolean hasNextPure(int yields) {
        int s = state;
        if (s >= 0 && s < yields && !held) {
            flags |= PEEKED;
            return true;
        }
        if (s == yields && !held) {
            // After the last yield: the rest of the body, pure too, returns. Held meanwhile, as
            // step() holds it, so that another thread's call is refused as an overlap.
            held = true;
            finished(resumeOrEnd());
            return false;
        }
        // hasNext() as inherited: a call of it would land in the generated class's override.
        if (state < AHEAD && state != DONE) {
            step(null, false, true);
        }
        return state >= AHEAD;
    }

    /** {@code next()} of a generated class that calls {@link #hasNextPure}: see there. */
    @SuppressWarnings("unchecked")
    protected final Y nextPure(int yields) {
        int s = state;
        if (s >= 0 && s < yields && !held) {
            // The body runs to yield s + 1 and stores that state itself; stored again here as
            // s + 1, for C2 to see the loop's counter where it unrolls the consumer's loop. Held
            // meanwhile, as step() holds it, so that another thread's call is refused as an
            // overlap; C2 drops both stores where it folds the loop.
            held = true;
            flags &= ~PEEKED;
            Object yielded = resumeOrEnd();
            state = (short) (s + 1);
            held = false;
            return (Y) valueYielded(yielded);
        }
        // next() as inherited: a call of it would land in the generated class's override.
        if (state < AHEAD && state != DONE) {
            step(null, false, true);
        }
        if (state < AHEAD) {
            throw new NoSuchElementException(describe() + " has finished");
        }
        state -= AHEAD;
        return take();
    }

    /**
     * Runs the body once, held by the caller; if it throws, this generator has ended (for a pure
     * body, only by an error of the JVM's: no stack left, no heap for a box).
     */
    private Object resumeOrEnd() {
        try {
            return resume();
        } catch (Throwable failure) {
            ended();
            throw failure;
        }
    }

    /**
     * Runs the body to where {@link #hasNext()} would have left it, if {@link #hasNextPure}
     * answered without running it: before any call that can tell (a send, raise or close, a
     * stream's drain, a delegation taking this generator up).
     */
    private void settle() {
        if ((flags & PEEKED) != 0) {
            flags &= ~PEEKED;
            step(null, false, true);
        }
    }

    @Override
    public final Y send(S value) {
        refuseIfValueAhead("send");
        if (state == 0 && value != null) {
            throw new IllegalStateException("can't send a non-null value to " + describe()
                    + ", which has not started: start it with next() or send(null)");
        }
        if (state == DONE || !step(value, false, false)) {
            throw new Finished(this, " has finished");
        }
        return takeHeld();
    }

    @Override
    public final Y raise(Throwable exception) {
        if (exception == null) {
            throw new NullPointerException("raise(null)");
        }
        refuseIfValueAhead("raise");
        if (state == 0) {
            state = DONE;
        }
        if (state == DONE) {
            throw StateMachine.<RuntimeException>sneaky(exception);
        }
        if (!step(exception, true, false)) {
            throw new Finished(this, " handled the exception and finished");
        }
        return takeHeld();
    }

    @Override
    public final void close() {
        if (held) {
            refuseReentry();
        }
        settle();
        if (state == 0 || state == DONE) {
            state = DONE;
            return;
        }
        if (state >= AHEAD) {
            // The value fetched ahead is dropped: the body resumes where it yielded it.
            state -= AHEAD;
        }
        exchange = null;
        boolean yielded;
        try {
            yielded = step(new GeneratorExit(), true, false);
        } catch (GeneratorExit closed) {
            return;
        }
        if (yielded) {
            releaseChain();
            ended();
            throw new IllegalStateException(describe() + " yielded a value while it was being closed:"
                    + " a body that catches GeneratorExit must finish, not yield");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public final R result() {
        if (state == DONE && returned()) {
            return (R) exchange;
        }
        throw new IllegalStateException(
                state == DONE
                        ? describe() + " has no result: it ended by an exception or was closed"
                        : describe() + " has not finished yet");
    }

    @Override
    public final boolean isDone() {
        return state == DONE;
    }

    /**
     * A fresh run from the arguments given at the call, each time: what a generator declared to
     * return {@code Iterable} does. Never this object itself, even the first time: a for-each loop
     * then reads only the arguments of the object the method returned, and C2 can remove both it
     * and the run. Handing this object out the first time made it escape through the other branch
     * (the call of {@code restart()} with this object), and a for-each loop ran 4 times slower.
     */
    public final Iterator<Y> iterator() {
        return restart();
    }

    /**
     * A sequential stream of the values this generator yields. It reads no further ahead than the
     * element it is about to hand out, and closing it closes the generator.
     */
    public final Stream<Y> asStream() {
        return StreamSupport.stream(new OneAtATime(), false).onClose(this::close);
    }

    @Override
    public String toString() {
        return describe()
                + ((flags & UNSTARTED_WATCHED) != 0
                        ? " (not started)"
                        : held
                                ? " (running)"
                                : state == 0 && (flags & PEEKED) == 0
                                        ? " (not started)"
                                        : state == DONE ? " (done)" : " (suspended)");
    }

    // ---- called by the generated body ----

    /**
     * What the pending yield evaluates to: the value sent in, or {@code null} after
     * {@code next()}. Throws instead the exception given to {@code raise} or {@code close}, so
     * that the body's own handlers see it at the yield.
     */
    public final Object received() {
        // Under 35 bytes of bytecode (C2's MaxInlineSize), with the throw in a method of its own:
        // a body with several yields calls this at sites each too cold for C2 to inline anything
        // larger, and a call left out of line takes this object along, which then is never
        // scalar-replaced (a 3-value generator drained by a shared helper allocated its 40 bytes).
        // Raising always hands in an exception, so a plain next() (null) reads one field only.
        Object in = exchange;
        if (in != null) {
            exchange = null;
            if ((flags & RAISING) != 0) {
                throwRaised(in);
            }
        }
        return in;
    }

    private void throwRaised(Object exception) {
        flags &= ~RAISING;
        throw StateMachine.<RuntimeException>sneaky((Throwable) exception);
    }

    /** Begins draining {@code source}'s values, for {@code Yield.all(Iterable)}; the body returns what this returns. */
    public final Object yieldAll(Iterable<?> source) {
        return yieldAll(source.iterator());
    }

    /**
     * {@link #yieldAll(Iterator)} for a {@code Yield.all} that is the body's last act: outside
     * every {@code try} block, its result dropped, and the body then returning
     * {@code Yield.done()} (the plugin's {@code LastDelegations}). When a generator it delegates to
     * returns, the chain ends this one with null rather than resume its body to do so: one resume
     * less per inner node of a recursive walk. Not where an agent may watch the body
     * ({@link Agents}): a debugger's breakpoint on the return, or a coverage report, sees it run.
     * A raise, a close or an exception resumes the body as for any {@code Yield.all}.
     */
    public final Object yieldAllLast(Iterator<?> source) {
        if (source == null) {
            throw nullSource();
        }
        delegate = source;
        flags |= LAST;
        return DELEGATING;
    }

    /**
     * The failure of {@code Yield.all(null)}; out of line, so that {@link #yieldAllLast} stays
     * within C2's {@code MaxInlineSize} (35 bytes), and so inlined into the body.
     */
    private static NullPointerException nullSource() {
        return new NullPointerException("Yield.all(null)");
    }

    /** {@link #yieldAllLast(Iterator)} for {@code Yield.all(Iterable)}. */
    public final Object yieldAllLast(Iterable<?> source) {
        return yieldAllLast(source.iterator());
    }

    /** Begins draining {@code source}'s values, for {@code Yield.all(Iterator)} and {@code Yield.all(Coroutine)}; the body returns what this returns. */
    public final Object yieldAll(Iterator<?> source) {
        if (source == null) {
            throw nullSource();
        }
        delegate = source;
        return DELEGATING;
    }

    // ---- the machinery ----

    /**
     * Resumes the generator with {@code in} until its next value.
     *
     * <p>Delegation through {@code Yield.all} to other generators does not nest calls: this
     * generator, the root, keeps the chain of generators delegating to one another (see
     * {@link #delegate}) and resumes the innermost directly, so a value costs the same at any depth.
     * When the innermost finishes or fails, its delegator resumes with the result or the
     * exception at its {@code Yield.all}: PEP 380, without walking the chain for every value.
     *
     * @param ahead whether to mark a value yielded as fetched ahead ({@link #AHEAD}): for
     *     {@code hasNext()} and {@code next()}; not for {@code send}, {@code raise} and
     *     {@code close}, which take the value at once, and keep the generator {@link #held} until
     *     they have taken it ({@link #takeHeld}), so that another thread's call meanwhile is
     *     refused as an overlap
     * @return whether a value was yielded: it is then in {@link #exchange}, or for a body that keeps
     *     its values in fields, there
     */
    private boolean step(Object in, boolean raise, boolean ahead) {
        if (held) {
            refuseReentry();
        }
        held = true;
        if (!delegates() || delegate == null) {
            // The path of every value of a generator that is not delegating: small, and it never
            // compares the value yielded with anything, so that C2 can inline it into the
            // consumer's loop, scalar-replace this object and drop the value's box. Where the
            // object is not scalar-replaced (the consumer's loop is a helper compiled on its own,
            // taking the iterator as an argument), it writes no reference field for a plain
            // next(): the exchange is null on entry (see received() and take()), and each
            // reference store costs a GC barrier at every element.
            if (in != null) {
                exchange = in;
            }
            if (raise) {
                flags |= RAISING;
            }
            Object yielded;
            try {
                yielded = resume();
            } catch (Throwable failure) {
                held = false;
                state = DONE;
                delegate = null;
                exchange = null;
                throw failure;
            }
            if (state < 0) {
                // Written out here and above, not calls: C2 inlines no call made once per
                // generator, and a call that is not inlined lets this object escape.
                exchange = yielded;
                flags |= RETURNED;
                held = false;
                state = DONE;
                return false;
            }
            if (!delegates() || delegate == null) {
                if (yielded != null) {
                    exchange = yielded;
                }
                if (ahead) {
                    state += AHEAD;
                    held = false;
                }
                return true;
            }
            // The body began a Yield.all: stepHeld() is told so by this marker as the input, which
            // no call of the protocol can pass.
            in = DELEGATING;
            raise = false;
        }
        return stepDelegating(in, raise, ahead);
    }

    /**
     * {@link #step} while a {@code Yield.all} in the body drains an iterator or delegates to
     * generators; this generator is {@link #held} meanwhile, as {@code step} left it, until the
     * delegation yields or ends.
     */
    private boolean stepDelegating(Object in, boolean raise, boolean ahead) {
        try {
            return stepHeld(in, raise, ahead);
        } finally {
            held = false;
        }
    }

    private boolean stepHeld(Object in, boolean raise, boolean ahead) {
        Object delegated = delegate;
        if (delegated instanceof StateMachine) {
            if (in == DELEGATING) {
                // This body has just begun a Yield.all of a generator.
                return stepChain(this, this, DELEGATING, null, false, ahead);
            }
            StateMachine<?, ?, ?> top = (StateMachine<?, ?, ?>) delegated;
            if ((flags & DEEP) == 0) {
                return stepChain(this, top, NOT_YET, in, raise, ahead);
            }
            return stepChain(top, (StateMachine<?, ?, ?>) top.delegate, NOT_YET, in, raise, ahead);
        }
        if (in == DELEGATING) {
            in = null;
        }
        Object yielded = advance(in, raise);
        if (yielded == FINISHED) {
            return false;
        }
        if (yielded == DELEGATING) {
            return stepChain(this, this, DELEGATING, null, false, ahead);
        }
        exchange = yielded;
        if (ahead) {
            state += AHEAD;
        }
        return true;
    }

    /**
     * {@link #step} while generators delegate to one another: first checks the innermost,
     * {@code running}, which may have been used directly since the chain last ran it, then runs
     * the chain: in its own loop for a step that passes nothing in, else in {@link #carry}.
     *
     * @param delegator the generator that delegates to {@code running} (this generator for its
     *     own delegate, and when {@code running} is this generator): passed along, as is
     *     {@code running}, rather than read from the fields at every resume
     */
    private boolean stepChain(
            StateMachine<?, ?, ?> delegator,
            StateMachine<?, ?, ?> running,
            Object outcome,
            Object in,
            boolean raise,
            boolean ahead) {
        // The innermost is the one generator of the chain that is not held while the chain waits,
        // so the one that may have been used directly since the chain last ran it; every other
        // one the loop below meets is a fresh delegate, checked as it enters, or a delegator,
        // held since it delegated.
        // PEP 380: a GeneratorExit thrown into a chain (a close, or a raise of one) closes each
        // generator of the chain in turn, innermost first, and what comes out of each is part of
        // that close, whatever it caught meanwhile: a value means it ignored the close, an end
        // without an exception raises GeneratorExit in its delegator, and an exception goes on as
        // itself. This is the one being closed now; those it delegates to since (a Yield.all it
        // began when closed) are not, and run as usual.
        StateMachine<?, ?, ?> closed = raise && in instanceof GeneratorExit ? running : null;
        if (running != this) {
            running.settle();
            if (running.held) {
                // Running now: its own step is under way (it was resumed directly, and its body
                // resumed this generator), or it is a delegator in another chain as well. Its
                // delegator's Yield.all fails, as Python's yield from raises "generator already
                // executing" in the delegator, and the chain goes on from there.
                in = running.runningWhenDelegatedTo();
                raise = true;
                if (closed == running) {
                    closed = delegator;
                }
                running = delegator;
                delegator = returnTo(delegator);
            }
        }
        while (outcome == NOT_YET && running != this && (running.state == DONE || running.state >= AHEAD)) {
            if (running.state == DONE) {
                // Finished behind the chain's back, closed or drained through calls of its own:
                // its Yield.all ends, with its result for a next() or send(), or with the
                // exception of a raise() or close(), which its delegator's body receives there.
                if (!raise) {
                    in = running.returned() ? running.exchange : null;
                }
                if (closed == running) {
                    closed = delegator;
                }
                running = delegator;
                delegator = returnTo(delegator);
            } else {
                outcome = running.fetchedBehindTheChain(in, raise);
            }
        }
        if (in != null || raise) {
            return carry(delegator, running, outcome, in, raise, ahead, closed);
        }
        // A step that passes nothing in (a next() or hasNext(), every step of a walk): what it
        // meets at every step (a value, a fresh delegate, an end without a result) this loop
        // handles itself, and anything else it hands to carry(), which goes on from there. A loop
        // of its own, without the input, the raise and the generator being closed, because C2
        // compiles it into tighter code than carry()'s: with it and yieldAllLast, the recursive
        // walk at depth 4 went from about 1.1 to about 1.0 times the hand-written chain
        // (docs/performance.md, "A plain next() through a chain"). Here rather than in a method of its own: this method
        // must stay over C2's FreqInlineSize (325 bytes), so that it is never inlined into step(),
        // whose compiled code then stays small enough to inline into each generator class's
        // hasNext(); split in two, each under it, they were, and range through a shared loop took
        // twice as long.
        for (; ; ) {
            Object yielded = outcome;
            outcome = NOT_YET;
            if (yielded == NOT_YET) {
                try {
                    yielded = running.advance(null, false);
                } catch (Throwable failure) {
                    if (running == this || running.state != DONE) {
                        throw failure;
                    }
                    // Its delegator's Yield.all receives the exception.
                    StateMachine<?, ?, ?> up = returnTo(delegator);
                    return carry(up, delegator, NOT_YET, failure, true, ahead, null);
                }
            }
            if (yielded == DELEGATING) {
                StateMachine<?, ?, ?> inner = (StateMachine<?, ?, ?>) running.delegate;
                inner.settle();
                if (inner.held || inner.state == DONE || inner.state >= AHEAD) {
                    // Running, finished or holding a value already: carry() says what becomes of it.
                    return carry(delegator, running, DELEGATING, null, false, ahead, null);
                }
                if (running != this) {
                    if (delegator != this) {
                        running.exchange = delegator;
                        delegate = running;
                    } else {
                        flags |= DEEP;
                    }
                }
                delegator = running;
                running = inner;
            } else if (yielded == FINISHED) {
                if (running == this) {
                    return false;
                }
                Object result = running.exchange;
                running = delegator;
                delegator = returnTo(delegator);
                if ((running.flags & LAST) != 0 && !Agents.WATCHED) {
                    outcome = running.endedWithItsDelegation();
                } else if (result != null) {
                    // A result for its Yield.all: an input to pass.
                    return carry(delegator, running, NOT_YET, result, false, ahead, null);
                }
            } else {
                exchange = yielded;
                if (ahead) {
                    state += AHEAD;
                }
                return true;
            }
        }
    }

    /**
     * The general loop of {@link #stepChain}: resumes {@code running}, the innermost, unless
     * {@code outcome} already says what its last resume gave, and carries results and exceptions
     * outwards until a value is yielded or this generator ends.
     *
     * @param closed the generator being closed, while a {@code GeneratorExit} goes through the
     *     chain (see stepChain), else null
     */
    private boolean carry(
            StateMachine<?, ?, ?> delegator,
            StateMachine<?, ?, ?> running,
            Object outcome,
            Object in,
            boolean raise,
            boolean ahead,
            StateMachine<?, ?, ?> closed) {
        for (; ; ) {
            Object yielded = outcome;
            outcome = NOT_YET;
            if (yielded == NOT_YET) {
                try {
                    yielded = running.advance(in, raise);
                } catch (Throwable failure) {
                    if (running == this || running.state != DONE) {
                        // Not an end of the innermost's body, which a Yield.all would receive: a
                        // call refused in a chain the innermost steps of its own (advanceOwnChain).
                        throw failure;
                    }
                    if (running == closed) {
                        closed = delegator;
                    }
                    running = delegator;
                    delegator = returnTo(delegator);
                    in = failure;
                    raise = true;
                    continue;
                }
            }
            if (yielded == DELEGATING) {
                StateMachine<?, ?, ?> inner = (StateMachine<?, ?, ?>) running.delegate;
                inner.settle(); // answered for by hasNextPure: never while held
                if (inner.held && !inner.firstUseOfWatched()) {
                    running.delegate = null;
                    in = inner.runningWhenDelegatedTo();
                    raise = true;
                } else if (inner.state == DONE) {
                    running.delegate = null;
                    in = inner.returned() ? inner.exchange : null;
                    raise = false;
                } else {
                    // running delegates to inner (its delegate already), and becomes the
                    // innermost delegator.
                    if (running != this) {
                        if (delegator != this) {
                            running.exchange = delegator;
                            delegate = running;
                        } else {
                            flags |= DEEP;
                        }
                    }
                    delegator = running;
                    running = inner;
                    in = null;
                    raise = false;
                    if (inner.state >= AHEAD) {
                        outcome = inner.fetchedBehindTheChain(null, false);
                    }
                }
            } else if (yielded == FINISHED) {
                if (running == this) {
                    return false;
                }
                if (running == closed) {
                    // Closed: GeneratorExit goes on up, whatever the delegate returned.
                    closed = delegator;
                    if (!(raise && in instanceof GeneratorExit)) {
                        in = new GeneratorExit();
                        raise = true;
                    }
                } else {
                    in = running.exchange;
                    raise = false;
                }
                running = delegator;
                delegator = returnTo(delegator);
                if (!raise && (running.flags & LAST) != 0 && !Agents.WATCHED) {
                    outcome = running.endedWithItsDelegation();
                }
            } else if (closed != null && closed != this && running != this) {
                // A delegate that yields when closed (itself, or through a Yield.all it began when
                // closed) makes the close fail in its delegator; it is over, and so is what it
                // delegates to since.
                boolean last;
                do {
                    last = running == closed;
                    running.state = DONE;
                    running.held = false;
                    running = delegator;
                    delegator = returnTo(delegator);
                } while (!last && running != this);
                closed = running;
                in = new IllegalStateException("a generator delegated to by Yield.all yielded a value while it was"
                        + " being closed: a body that catches GeneratorExit must finish, not yield");
                raise = true;
            } else {
                exchange = yielded;
                if (ahead) {
                    state += AHEAD;
                }
                return true;
            }
        }
    }

    /**
     * For {@link #stepChain}, which is about to resume this generator, one it delegates to: a
     * {@code hasNext()} of its own, called directly rather than through its delegator (as Python
     * lets one call {@code next()} on a generator a {@code yield from} drains), fetched a value
     * ahead, before the delegation began or since. That value is the next one, as it would be for
     * this generator's own {@code next()}; a close drops it, as {@link #close()} does; a send or
     * raise is refused, as this generator's own would be, so that the value is not lost.
     *
     * @return the value, or {@link #NOT_YET} once it is dropped for a close
     */
    private Object fetchedBehindTheChain(Object in, boolean raise) {
        if (raise && in instanceof GeneratorExit) {
            state -= AHEAD;
            exchange = null;
            return NOT_YET;
        }
        if (raise || in != null) {
            throw valueAheadRefused(raise ? "raise" : "send");
        }
        state -= AHEAD;
        return take();
    }

    /**
     * Runs this generator's own part of a step: its body, or the iterator or foreign coroutine a
     * {@code Yield.all} in it drains. Leaves it suspended with the value returned, or finished
     * ({@link #FINISHED}, result in {@link #exchange}), or waiting on another generator
     * ({@link #DELEGATING}, which is in {@link #delegate}).
     */
    private Object advance(Object in, boolean raise) {
        // Held until it yields: while its body runs, an iterator it drains runs, and, when it
        // delegates to a generator, while that one and any further in the chain run.
        held = true;
        try {
            for (; ; ) {
                if (delegate == null) {
                    // Only when there is something to pass: exchange is null on entry (as in step),
                    // and a reference store costs a GC barrier, at every resume of a chain.
                    if (in != null) {
                        exchange = in;
                    }
                    if (raise) {
                        flags |= RAISING;
                    }
                } else if (delegate instanceof StateMachine) {
                    break;
                } else if (stepDelegate(in, raise)) {
                    held = false;
                    Object yielded = exchange;
                    exchange = null;
                    return yielded;
                }
                Object yielded = resume();
                if (state < 0) {
                    finished(yielded);
                    return FINISHED;
                }
                if (delegate == null) {
                    held = false;
                    return valueYielded(yielded);
                }
                if (delegate instanceof StateMachine) {
                    return DELEGATING;
                }
                in = null;
                raise = false;
            }
        } catch (Throwable failure) {
            ended();
            throw failure;
        }
        // Outside the try: what the chain throws that has not ended this generator's body (a
        // send refused deeper in the chain for a value fetched ahead there) leaves it as it was.
        return advanceOwnChain(in, raise);
    }

    /**
     * {@link #advance} of a generator that is delegating to generators through a chain of its
     * own, while a chain it belongs to resumes it: it was that chain's root, resumed directly, and
     * a {@code Yield.all} took it up; or it was the innermost of a chain, and began a
     * {@code Yield.all} of a generator when resumed directly. It steps its own chain, as for its
     * own {@code next()}, and what that chain yields, or this generator's end, is its part of the
     * step: Python's {@code yield from} goes on likewise through the delegation of the generator
     * it drains. Out of the way of a chain's every step, which never comes here otherwise.
     */
    private Object advanceOwnChain(Object in, boolean raise) {
        try {
            if (!stepHeld(in, raise, false)) {
                return FINISHED;
            }
            Object yielded = exchange;
            exchange = null;
            return yielded;
        } finally {
            held = false;
        }
    }

    /** Whether the body finished through {@code Yield.done}: then {@link #exchange} is its result. */
    private boolean returned() {
        return (flags & RETURNED) != 0;
    }

    /** The body returned {@code result}. */
    private void finished(Object result) {
        // The exchange is null here: the body took its input before finishing.
        if (result != null) {
            exchange = result;
        }
        flags |= RETURNED;
        held = false;
        state = DONE;
    }

    /**
     * The delegation of this generator's last {@code Yield.all} ({@link #LAST}) returned: it ends
     * with null, as its body would have. Its delegate and exchange are null (see returnTo).
     *
     * @return {@link #FINISHED}, for the chain to go on as after the body's end
     */
    private Object endedWithItsDelegation() {
        flags = (byte) ((flags & ~LAST) | RETURNED);
        held = false;
        state = DONE;
        return FINISHED;
    }

    /** The body threw: it is over, and keeps nothing reachable. */
    private void ended() {
        held = false;
        state = DONE;
        delegate = null;
        exchange = null;
    }

    /**
     * This generator ignored its close through a {@code Yield.all} it began when closed, and is
     * ending: the generators it delegates to stay suspended, as in Python, their outermost the root
     * of their chain from now on (no longer held, and holding the chain's innermost, or two or more
     * deep its innermost's delegator), so that each can still be used.
     */
    private void releaseChain() {
        if (!(delegate instanceof StateMachine) || (flags & DEEP) == 0) {
            return; // none, or one deep: the innermost is not held
        }
        flags &= ~DEEP;
        StateMachine<?, ?, ?> innermostDelegator = (StateMachine<?, ?, ?>) delegate;
        StateMachine<?, ?, ?> outermost = innermostDelegator;
        while (outermost.exchange != null) {
            outermost = (StateMachine<?, ?, ?>) outermost.exchange;
        }
        outermost.held = false;
        if (outermost != innermostDelegator) {
            StateMachine<?, ?, ?> next = (StateMachine<?, ?, ?>) outermost.delegate;
            next.exchange = null;
            outermost.delegate = innermostDelegator;
            outermost.flags |= DEEP;
        }
    }

    /**
     * The innermost generator of the chain has ended: {@code generator}, which delegated to it,
     * is the innermost now. Returns the one that delegates to {@code generator} (this generator
     * when that is the root, or when {@code generator} is the root itself).
     */
    private StateMachine<?, ?, ?> returnTo(StateMachine<?, ?, ?> generator) {
        generator.delegate = null;
        if (generator == this) {
            return this;
        }
        Object up = generator.exchange;
        if (up == null) {
            // Its delegator is this generator, the root: one deep now.
            flags &= ~DEEP;
            return this;
        }
        generator.exchange = null;
        delegate = up;
        return (StateMachine<?, ?, ?>) up;
    }

    /**
     * Passes {@code in} to the iterator or foreign coroutine that a {@code Yield.all} drains. If
     * it yields, its value goes to {@link #exchange}. If it finishes or fails, the delegation ends
     * and the pending {@code Yield.all} in the body is set to receive its result or exception.
     *
     * @return whether the delegate yielded
     */
    private boolean stepDelegate(Object in, boolean raise) {
        Iterator<?> source = (Iterator<?>) delegate;
        Object result = null;
        boolean failed = false;
        try {
            if (raise && in instanceof GeneratorExit) {
                // PEP 380: closing the delegating generator closes the delegate first.
                if (source instanceof AutoCloseable) {
                    ((AutoCloseable) source).close();
                }
                result = in;
                failed = true;
            } else if (raise) {
                if (!(source instanceof Coroutine)) {
                    result = in;
                    failed = true;
                } else {
                    exchange = ((Coroutine<?, ?, ?>) source).raise((Throwable) in);
                    return true;
                }
            } else if (in != null && source instanceof Coroutine) {
                @SuppressWarnings("unchecked")
                Coroutine<?, Object, ?> coroutine = (Coroutine<?, Object, ?>) source;
                exchange = coroutine.send(in);
                return true;
            } else if (in != null) {
                // Python raises AttributeError at the `yield from`: a plain iterator has no send.
                result = new UnsupportedOperationException("can't send a value to "
                        + source.getClass().getName() + " through Yield.all: it is an Iterator, not a Coroutine");
                failed = true;
            } else if (source.hasNext()) {
                exchange = source.next();
                return true;
            } else if (source instanceof Coroutine) {
                result = resultOf((Coroutine<?, ?, ?>) source);
            }
        } catch (NoSuchElementException end) {
            // A foreign Coroutine's send or raise signals its end this way.
            if (source instanceof Coroutine && ((Coroutine<?, ?, ?>) source).isDone()) {
                result = resultOf((Coroutine<?, ?, ?>) source);
            } else {
                result = end;
                failed = true;
            }
        } catch (Throwable thrown) {
            result = thrown;
            failed = true;
        }
        delegate = null;
        exchange = result;
        if (failed) {
            flags |= RAISING;
        }
        return false;
    }

    private static Object resultOf(Coroutine<?, ?, ?> finished) {
        try {
            return finished.result();
        } catch (IllegalStateException noResult) {
            return null;
        }
    }

    /** {@link #take}, for {@code send} and {@code raise}, which held the generator while it ran. */
    private Y takeHeld() {
        Y value = take();
        held = false;
        return value;
    }

    @SuppressWarnings("unchecked")
    private Y take() {
        Object value = exchange;
        if (value != null) {
            exchange = null;
        }
        return (Y) valueYielded(value);
    }

    private void refuseIfValueAhead(String call) {
        settle();
        if (state >= AHEAD) {
            throw valueAheadRefused(call);
        }
        if (held) {
            refuseReentry();
        }
    }

    private IllegalStateException valueAheadRefused(String call) {
        // Only hasNext(), or a next() under way on another thread, leaves a value here.
        return new IllegalStateException("can't " + call + " to " + describe()
                + ": it holds a value fetched ahead that next() has not taken, and it would be lost"
                + " (hasNext() fetched it, or another thread is inside next() at this moment)");
    }

    /**
     * Called where the generator is {@linkplain #held held} on entry: refuses the call as a re-entry, unless
     * this is a watched coroutine not used yet, which then becomes a plain new one (see
     * {@link #UNSTARTED_WATCHED}).
     */
    private void refuseReentry() {
        if (!firstUseOfWatched()) {
            throw reentered();
        }
    }

    /** Whether this was a watched coroutine not used yet: it is a plain new one now, and the watcher was told. */
    private boolean firstUseOfWatched() {
        if ((flags & UNSTARTED_WATCHED) == 0) {
            return false;
        }
        Runnable onFirstUse = (Runnable) delegate;
        flags = 0;
        held = false;
        delegate = null;
        onFirstUse.run();
        // The call that met it runs the body next: an answer hasNextPure() gave the watcher
        // meanwhile is that call's to fetch, not one to settle later.
        flags &= ~PEEKED;
        return true;
    }

    /** Made out of line, so that {@link #stepChain} stays small enough for C2 to inline. */
    private IllegalStateException runningWhenDelegatedTo() {
        return new IllegalStateException(describe() + " is already running: Yield.all can't delegate to it");
    }

    /**
     * Running already: the status cannot tell whether another thread is inside the body or the
     * body called its own generator, so the message names both (docs/user-guide.md, "Threads").
     */
    private IllegalStateException reentered() {
        return new IllegalStateException(describe() + " is already running: it was resumed from two threads at once,"
                + " or its body resumed itself (called its own next(), send(), raise() or close())");
    }

    /** {@code generator Fib.fibonacci}: see {@link #describe(Class)}. */
    private String describe() {
        return describe(getClass());
    }

    private static boolean isClass(String name, ClassLoader loader) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError notAClass) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }

    /**
     * How {@code send} and {@code raise} say that the body finished: Python's StopIteration, the
     * expected end of every coroutine that an event loop or a delegator drives, so it is made
     * without a stack trace, which would cost far more than the resume. {@code next()} past the
     * end, a mistake of the caller's, throws a plain NoSuchElementException with its trace.
     */
    private static final class Finished extends NoSuchElementException {
        private static final long serialVersionUID = 1L;

        /** Named when the message is read, for most ends of a coroutine are never printed. */
        private final transient StateMachine<?, ?, ?> generator;

        private final String what;

        Finished(StateMachine<?, ?, ?> generator, String what) {
            this.generator = generator;
            this.what = what;
        }

        @Override
        public String getMessage() {
            return (generator == null ? "generator" : generator.describe()) + what;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /**
     * Runs the body to its end, handing each value to {@code action} as it is yielded, for a
     * stream's terminal operation. The generator is {@link #held} across the whole drain, so
     * that an element costs the body's own stores and no protocol state: a stream's spliterator is
     * never scalar-replaced, and in that form each write of the protocol's state took as long as
     * the consumer's work. Nothing is read ahead of the element handed out. Meanwhile the generator
     * counts as running, so a pipeline stage that resumes it itself is refused as a re-entry. A
     * body with a {@code Yield.all} takes the path of {@code hasNext()} and {@code next()}.
     */
    @SuppressWarnings("unchecked")
    private void drainInto(Consumer<? super Y> action) {
        settle();
        if (state >= AHEAD) {
            state -= AHEAD;
            action.accept(take());
        }
        if (held) {
            refuseReentry();
        }
        if (delegates()) {
            while (hasNext()) {
                action.accept(next());
            }
            return;
        }
        if (state == DONE) {
            return;
        }
        held = true;
        for (; ; ) {
            // Calls, unlike step(): a stream's generator is never scalar-replaced, so nothing is
            // lost by making them.
            Object yielded = resumeOrEnd();
            if (state < 0) {
                finished(yielded);
                return;
            }
            try {
                action.accept((Y) valueYielded(yielded));
            } catch (Throwable failure) {
                // Suspended at this yield, as after next(): the stream's close() closes the body there.
                held = false;
                throw failure;
            }
        }
    }

    /** Hands out one value per {@code tryAdvance}, and never splits: nothing is read ahead. */
    private final class OneAtATime implements Spliterator<Y> {
        @Override
        public boolean tryAdvance(Consumer<? super Y> action) {
            if (!hasNext()) {
                return false;
            }
            action.accept(next());
            return true;
        }

        @Override
        public void forEachRemaining(Consumer<? super Y> action) {
            drainInto(action);
        }

        @Override
        public Spliterator<Y> trySplit() {
            return null;
        }

        @Override
        public long estimateSize() {
            return Long.MAX_VALUE;
        }

        @Override
        public int characteristics() {
            return ORDERED;
        }
    }
}
