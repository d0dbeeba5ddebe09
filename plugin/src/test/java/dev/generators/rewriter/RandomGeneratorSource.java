package dev.generators.rewriter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Random {@code @Generator} methods for {@link GeneratorFuzzTest}, each a function of one seed.
 *
 * <p>Every program is one body written twice: as a {@code @Generator} method {@code g<seed>}
 * returning {@code Iterator<Object>}, and as a plain method {@code r<seed>} in which every
 * {@code Yield.value(e)} is a call {@code ry(out, e)} that records {@code e} in {@code out} and
 * evaluates to what a consumer would send (nothing, or {@link #SENT} in send mode), and every
 * {@code return Yield.done();} is {@code return out;}. Values are recorded as their
 * {@code show(...)} text at the moment they are yielded, so later mutation of a yielded list
 * or array does not matter.
 *
 * <p>A body mixes loops (with labels, {@code break} and {@code continue}), {@code if}, old and
 * arrow {@code switch} statements and switch expressions on int, String and enum selectors,
 * {@code try}/{@code catch}/{@code finally} and try-with-resources, exceptions thrown on purpose,
 * early returns, {@code synchronized} blocks (holding no yield: a yield in one becomes a call of
 * {@code held}) with jumps and exceptions out of them, {@code instanceof} patterns in conditions
 * and expressions, and yields nested in every kind of expression, over locals of every primitive
 * type, String, arrays and lists. Now and then, and at the end, it yields every variable in scope
 * at once, so that a local the rewrite lost or mixed up shows in the values. It delegates too:
 * {@code Yield.all} of a list, its iterator, or a generator of the header ({@code sub}, and
 * {@code nest}, which delegates to itself and to {@code sub}, so that chains are up to four deep
 * and values sent, results and exceptions cross them, and {@code tail}, whose last act is a
 * {@code Yield.all}, of itself or of {@code sub}), which the plain twin turns into a call of
 * {@code rall}: PEP 380's loop written out over the same source's protocol.
 *
 * <p>The bodies are valid Java by construction: every local is initialized where it is declared
 * and has a name unique in its method, {@code break}/{@code continue}/{@code return}/{@code throw}
 * only ever appear as {@code if (c) jump;} (or as an arrow case other than the default) so that
 * no statement is unreachable, loops run at most a few times, and strings and boxes are kept from
 * growing without bound.
 */
final class RandomGeneratorSource {

    /** The name of the class every program is compiled into. */
    static final String CLASS = "Fuzz";

    /** What {@code ry} and the driver send for the {@code i}th yield in send mode, as Java source. */
    static final String SENT = "Integer.valueOf(Math.floorMod(i * 5, 9) - 2)";

    /** The class around the programs: the helpers both variants call. */
    static final String HEADER = """
            import dev.generators.*;
            import java.util.*;

            @SuppressWarnings({"unchecked", "unused", "finally"})
            class Fuzz {
                enum Color { RED, GREEN, BLUE }
                static final class Chk extends Exception {
                    Chk(String message) { super(message); }
                }
                static final class Box {
                    final Object a, b;
                    Box(Object a, Object b) { this.a = a; this.b = b; }
                    @Override public String toString() { return "Box(" + show(a) + "," + show(b) + ")"; }
                }
                static final class Res implements AutoCloseable {
                    final List<Integer> log; final int id;
                    Res(List<Integer> log, int id) { this.log = log; this.id = id; log.add(-id); }
                    @Override public void close() { log.add(id); }
                }
                /** Whether ry evaluates to sent(i) (send mode) or null (plain iteration). */
                static boolean SEND;
                int fld = 5;
                static <S> S ry(List<Object> out, Object v) {
                    out.add(show(v));
                    if (out.size() > 100000) throw new Error("too many values");
                    return SEND ? (S) sent(out.size() - 1) : null;
                }
                static Object sent(int i) { return %s; }
                static String show(Object v) {
                    if (v == null) return "null";
                    if (v instanceof int[] a) return "int" + Arrays.toString(a);
                    if (v instanceof Object[] a) {
                        StringBuilder s = new StringBuilder("Object[");
                        for (Object e : a) s.append(show(e)).append(';');
                        return s.append(']').toString();
                    }
                    if (v instanceof List<?> l) {
                        StringBuilder s = new StringBuilder("List[");
                        for (Object e : l) s.append(show(e)).append(';');
                        return s.append(']').toString();
                    }
                    if (v instanceof Box) return v.toString();
                    return v.getClass().getSimpleName() + ":" + v;
                }
                static String cut(String s) { return s == null || s.length() <= 40 ? s : s.substring(0, 20) + "~" + s.substring(s.length() - 19); }
                static Object f(Object a, Object b, Object c) { return cut("f(" + show(a) + "," + show(b) + "," + show(c) + ")"); }
                static int n(Object o) { return o == null ? 1 : o instanceof Integer i ? Math.floorMod(i, 3) + 1 : 2; }
                static String key(int i) { return switch (Math.floorMod(i, 7)) { case 0 -> "a"; case 1 -> "b"; case 2 -> "c"; case 3 -> "Aa"; case 4 -> "BB"; case 5 -> "null"; default -> "4"; }; }
                static String msg(Throwable e) { return e.getClass().getSimpleName() + (e instanceof NullPointerException ? "" : ":" + e.getMessage()); }
                static List<Integer> few(List<Integer> l) { return new ArrayList<>(l.subList(0, Math.min(3, l.size()))); }
                static final Object LOCK = new Object();
                /** What a Yield.value becomes inside a synchronized block, in both variants: a value, and no suspension. */
                static <S> S held(Object v) { show(v); return null; }
                /** What a Yield.all becomes inside a synchronized block, in both variants: its source drained, and no suspension. */
                static Object heldAll(Iterable<?> source) { return heldAll(source.iterator()); }
                static Object heldAll(Iterator<?> source) {
                    while (source.hasNext()) show(source.next());
                    return source instanceof Coroutine<?, ?, ?> c ? c.result() : null;
                }
                /**
                 * A generator a Yield.all delegates to, in both variants: n values, each answering
                 * what was sent at it (the end, with a result or an exception, or one more value).
                 */
                @Generator
                static Iterator<Object> sub(int n, Object tag) {
                    int i = 0;
                    for (; i < n; i++) {
                        Object got = Yield.value(cut(show(tag) + ":" + i));
                        if (got instanceof Integer k) {
                            if (k == -2) throw new IllegalStateException("sub " + cut(show(tag)) + " was sent " + k);
                            if (k == 0) return Yield.done("early " + cut(show(tag)));
                            if (k == 6) Yield.value("again " + k);
                        }
                    }
                    return Yield.done(i == 2 ? null : "sub" + n);
                }
                /** Delegates in its turn, to itself and to sub: a chain up to four generators deep. */
                @Generator
                static Iterator<Object> nest(int depth, Object tag) {
                    Object r = depth > 0 ? Yield.all(nest(depth - 1, cut(show(tag) + "<"))) : "leaf";
                    Object got = Yield.value(cut("nest" + depth + " " + show(r)));
                    try {
                        r = Yield.all(sub(Math.floorMod(depth, 3) + (got == null ? 1 : 0), tag));
                    } catch (IllegalStateException e) {
                        r = Yield.value(msg(e));
                    }
                    return Yield.done(cut("nest" + depth + " " + show(r)));
                }
                /** Ends with its delegation, outside any try: a chain whose every generator's last act is a Yield.all. */
                @Generator
                static Iterator<Object> tail(int depth, Object tag) {
                    Yield.value(cut("tail" + depth + " " + show(tag)));
                    if (depth > 0) {
                        Yield.all(tail(depth - 1, tag));
                    } else {
                        Yield.all(sub(1, tag));
                    }
                    return Yield.done();
                }
                /**
                 * Yield.all in the plain twin: PEP 380's loop written out over the protocol for a
                 * Coroutine (which every generator is), each value recorded by ry and what ry
                 * answers sent on; a plain loop for an iterator, which refuses a value sent.
                 */
                static Object rall(List<Object> out, Iterable<?> source) { return rall(out, source.iterator()); }
                static Object rall(List<Object> out, Iterator<?> source) {
                    if (!(source instanceof Coroutine<?, ?, ?>)) {
                        while (source.hasNext()) {
                            if (ry(out, source.next()) != null) {
                                throw new UnsupportedOperationException("can't send a value to " + source.getClass().getName()
                                        + " through Yield.all: it is an Iterator, not a Coroutine");
                            }
                        }
                        return null;
                    }
                    Coroutine<Object, Object, Object> c = (Coroutine<Object, Object, Object>) source;
                    Object in = null;
                    while (true) {
                        Object v;
                        if (in == null) {
                            if (!c.hasNext()) return c.result();
                            v = c.next();
                        } else {
                            try {
                                v = c.send(in);
                            } catch (NoSuchElementException end) {
                                if (!c.isDone()) throw end;
                                return c.result();
                            }
                        }
                        in = ry(out, v);
                    }
                }
            """.formatted(SENT);

    enum Type {
        INT("int", int.class),
        LONG("long", long.class),
        DOUBLE("double", double.class),
        FLOAT("float", float.class),
        CHAR("char", char.class),
        BYTE("byte", byte.class),
        SHORT("short", short.class),
        BOOLEAN("boolean", boolean.class),
        STRING("String", String.class),
        INT_ARRAY("int[]", int[].class),
        OBJECT_ARRAY("Object[]", Object[].class),
        LIST("List<Integer>", List.class),
        OBJECT("Object", Object.class),
        /** A catch parameter; never chosen as the type of an expression. */
        THROWABLE("Throwable", Throwable.class);

        final String source;
        final Class<?> type;

        Type(String source, Class<?> type) {
            this.source = source;
            this.type = type;
        }
    }

    private static final Type[] VALUE_TYPES = {
        Type.INT,
        Type.INT,
        Type.INT,
        Type.LONG,
        Type.DOUBLE,
        Type.FLOAT,
        Type.CHAR,
        Type.BYTE,
        Type.SHORT,
        Type.BOOLEAN,
        Type.STRING,
        Type.STRING,
        Type.INT_ARRAY,
        Type.OBJECT_ARRAY,
        Type.LIST,
        Type.OBJECT,
        Type.OBJECT,
    };

    /** How many sets of arguments each program runs with. */
    static final int ARGUMENT_SETS = 3;

    /** One generated program: the two methods, and how to make its arguments (set 0, 1, ...). */
    record Program(
            long seed,
            boolean instance,
            List<Type> parameterTypes,
            IntFunction<Object[]> arguments,
            String generator,
            String reference) {

        String generatorName() {
            return "g" + Long.toUnsignedString(seed);
        }

        String referenceName() {
            return "r" + Long.toUnsignedString(seed);
        }

        Class<?>[] parameterClasses() {
            return parameterTypes.stream().map(t -> t.type).toArray(Class<?>[]::new);
        }

        /** The program alone in a class: what a failure report shows. */
        String source() {
            return classSource(List.of(this));
        }

        String describeArguments(int set) {
            Object[] args = arguments.apply(set);
            StringBuilder s = new StringBuilder("(");
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                s.append(i == 0 ? "" : ", ")
                        .append(
                                a instanceof int[] ints
                                        ? Arrays.toString(ints)
                                        : a instanceof Object[] objects ? Arrays.deepToString(objects) : a);
            }
            return s.append(")").toString();
        }
    }

    static String classSource(List<Program> programs) {
        StringBuilder s = new StringBuilder(HEADER);
        for (Program p : programs) {
            s.append('\n').append(p.generator).append('\n').append(p.reference);
        }
        return s.append("}\n").toString();
    }

    static Program program(long seed) {
        return new RandomGeneratorSource(seed).build();
    }

    // ------------------------------------------------------------------------------------------

    private record Var(String name, Type type, boolean assignable) {}

    private enum Kind {
        LOOP,
        SWITCH,
        BLOCK
    }

    private record Target(Kind kind, String label) {}

    private final long seed;
    private final Random rnd;
    /**
     * Where and what the {@code Yield.all} statements are: a stream of its own, so that the rest of
     * a seed's program is what it was before they were added (a few statements more, and the
     * variables they name), and the fuzz campaigns before them stay comparable.
     */
    private final Random delegation;

    private StringBuilder out = new StringBuilder();
    private int indent = 2;
    private int names;
    private int budget;
    private final Deque<List<Var>> scopes = new ArrayDeque<>();
    /** Where break and continue may go, innermost first; emptied inside a switch expression. */
    private Deque<Target> targets = new ArrayDeque<>();

    private boolean canReturn = true;
    private boolean instance;
    private int switchExpressionDepth;
    /**
     * Inside a long, double or float expression: no switch expression there, for javac 17 crashes
     * (NullPointerException in Types.eraseNotNeeded) compiling a switch expression that holds a
     * try statement while a long or double waits on the operand stack.
     */
    private int wideOnStack;

    private RandomGeneratorSource(long seed) {
        this.seed = seed;
        this.rnd = new Random(seed * 0x9E3779B97F4A7C15L + 12345);
        this.delegation = new Random(seed * 0xC2B2AE3D27D4EB4FL + 777);
    }

    private Program build() {
        instance = rnd.nextInt(4) == 0;
        scopes.push(new ArrayList<>());
        int parameters = rnd.nextInt(4);
        List<Type> types = new ArrayList<>();
        StringBuilder declared = new StringBuilder();
        for (int i = 0; i < parameters; i++) {
            Type t = valueType();
            types.add(t);
            declare("p" + i, t, true);
            declared.append(i == 0 ? "" : ", ").append(t.source).append(" p").append(i);
        }
        if (instance) {
            declare("fld", Type.INT, true);
        }
        budget = 10 + rnd.nextInt(rnd.nextInt(4) == 0 ? 80 : 40);
        for (int i = rnd.nextInt(4); i > 0; i--) {
            budget--;
            declaration();
        }
        while (budget > 0) {
            statement(0);
        }
        probe();
        line("return Yield.done();");
        String body = out.toString();
        String modifiers = instance ? "" : "static ";
        String generator = "    @Generator\n    " + modifiers + "Iterator<Object> g" + Long.toUnsignedString(seed) + "("
                + declared + ") throws Exception {\n" + body + "    }\n";
        String reference = "    " + modifiers + "List<Object> r" + Long.toUnsignedString(seed) + "(List<Object> out"
                + (parameters > 0 ? ", " : "") + declared + ") throws Exception {\n" + referenceBody(body) + "    }\n";
        long argumentSeed = seed * 31 + 7;
        List<Type> parameterTypes = List.copyOf(types);
        IntFunction<Object[]> arguments = set -> {
            Random r = new Random(argumentSeed + 1_000_003L * set);
            return parameterTypes.stream().map(t -> argument(t, r)).toArray();
        };
        return new Program(seed, instance, parameterTypes, arguments, generator, reference);
    }

    private static final Pattern TYPED_YIELD = Pattern.compile("Yield\\.<(\\w+)>value\\(");

    static String referenceBody(String body) {
        String s = body.replace("return Yield.done();", "return out;");
        s = TYPED_YIELD.matcher(s).replaceAll(Matcher.quoteReplacement(CLASS) + ".<$1>ry(out, ");
        return s.replace("Yield.value(", "ry(out, ").replace("Yield.all(", "rall(out, ");
    }

    private static Object argument(Type t, Random r) {
        return switch (t) {
            case INT -> r.nextInt(14) - 3;
            case LONG -> r.nextBoolean() ? (long) r.nextInt(100) : r.nextLong();
            case DOUBLE -> r.nextInt(10) == 0 ? Double.NaN : r.nextInt(200) / 8.0 - 5;
            case FLOAT -> r.nextInt(100) / 4f - 3;
            case CHAR -> (char) ('a' + r.nextInt(26));
            case BYTE -> (byte) r.nextInt(256);
            case SHORT -> (short) (r.nextInt(2000) - 1000);
            case BOOLEAN -> r.nextBoolean();
            case STRING -> r.nextInt(5) == 0 ? "" : "arg" + r.nextInt(10);
            case INT_ARRAY -> {
                int[] a = new int[r.nextInt(8) == 0 ? 0 : 1 + r.nextInt(3)];
                for (int i = 0; i < a.length; i++) {
                    a[i] = r.nextInt(20) - 5;
                }
                yield a;
            }
            case OBJECT_ARRAY -> new Object[] {r.nextInt(9), "o" + r.nextInt(9), null}.clone();
            case LIST -> {
                List<Integer> l = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    l.add(r.nextInt(10));
                }
                yield l;
            }
            case OBJECT ->
                switch (r.nextInt(3)) {
                    case 0 -> null;
                    case 1 -> r.nextInt(10);
                    default -> "obj" + r.nextInt(10);
                };
            case THROWABLE -> throw new IllegalArgumentException();
        };
    }

    // ---- scopes -------------------------------------------------------------------------------

    private String fresh(String prefix) {
        return prefix + names++;
    }

    private void declare(String name, Type type, boolean assignable) {
        scopes.peek().add(new Var(name, type, assignable));
    }

    private List<Var> vars(Type type, boolean assignableOnly) {
        List<Var> found = new ArrayList<>();
        for (List<Var> scope : scopes) {
            for (Var v : scope) {
                if (v.type == type && (v.assignable || !assignableOnly)) {
                    found.add(v);
                }
            }
        }
        return found;
    }

    private Var someVar(Type type, boolean assignableOnly) {
        List<Var> found = vars(type, assignableOnly);
        return found.isEmpty() ? null : found.get(rnd.nextInt(found.size()));
    }

    private Type valueType() {
        return VALUE_TYPES[rnd.nextInt(VALUE_TYPES.length)];
    }

    private boolean chance(int percent) {
        return rnd.nextInt(100) < percent;
    }

    private int between(int lo, int hi) {
        return lo + rnd.nextInt(hi - lo + 1);
    }

    // ---- output -------------------------------------------------------------------------------

    private void line(String s) {
        out.append("    ".repeat(indent)).append(s).append('\n');
    }

    private String pad(int extra) {
        return "    ".repeat(indent + extra);
    }

    // ---- statements -----------------------------------------------------------------------------

    private void block(int depth) {
        scopes.push(new ArrayList<>());
        indent++;
        int n = rnd.nextInt(8) == 0 ? 0 : between(1, depth <= 1 ? 4 : 3);
        for (int i = 0; i < n && (i == 0 || budget > 0); i++) {
            statement(depth);
        }
        indent--;
        scopes.pop();
    }

    private void statement(int depth) {
        if (delegation.nextInt(25) == 0) {
            yieldAllStatement();
        }
        budget--;
        if (depth < 4 && budget > 2 && chance(40 - 7 * depth)) {
            switch (rnd.nextInt(15)) {
                // javac 17 emits a stack map that does not verify for a synchronized block
                // in a switch expression while values wait on the operand stack
                case 13 -> {
                    if (switchExpressionDepth == 0) {
                        synchronizedBlock(depth);
                    } else {
                        labeledBlock(depth);
                    }
                }
                case 14 -> patternIf(depth);
                case 0, 1 -> ifStatement(depth);
                case 2 -> forLoop(depth);
                case 3 -> whileLoop(depth);
                case 4 -> doLoop(depth);
                case 5 -> forEachLoop(depth);
                case 6 -> oldSwitch(depth);
                case 7 -> arrowSwitch(depth);
                case 8, 9 -> tryStatement(depth);
                case 10 -> tryWithResources(depth);
                case 11 -> labeledBlock(depth);
                default -> {
                    line("{");
                    block(depth + 1);
                    line("}");
                }
            }
            return;
        }
        switch (rnd.nextInt(20)) {
            case 0, 1, 2, 3 -> declaration();
            case 4, 5, 6, 7 -> assignment();
            case 8, 9, 10 -> line("Yield.value(" + anyExpr(2) + ");");
            case 11 -> line("f(" + objExpr(1) + ", Yield.value(" + anyExpr(1) + "), " + objExpr(1) + ");");
            case 12 -> {
                Var list = someVar(Type.LIST, false);
                if (list != null) {
                    line(list.name + ".add(" + (chance(60) ? "Yield.value(" + anyExpr(1) + ")" : boxedInt(2)) + ");");
                } else {
                    line("Yield.value(" + objExpr(2) + ");");
                }
            }
            case 13 -> probe();
            case 14 -> throwStatement();
            case 15, 16 -> jumpStatement();
            case 17 -> {
                if (canReturn && chance(50)) {
                    line("if (" + (chance(70) ? "Math.floorMod(" + intExpr(2) + ", 4) == 1" : boolExpr(1))
                            + ") return Yield.done();");
                } else {
                    line("Yield.value(" + anyExpr(2) + ");");
                }
            }
            default -> {
                String e = switchExpressionAllowed()
                        ? switchExpression(pick(Type.INT, Type.STRING, Type.OBJECT), 1)
                        : objExpr(2);
                line("Yield.value(" + e + ");");
            }
        }
    }

    /**
     * A {@code Yield.all} of a generator ({@code sub}, or {@code nest}, which delegates in its
     * turn), of a list or of its iterator; as a statement, or with its result yielded through a
     * call whose first argument waits on the operand stack across the delegation. The plain twin
     * makes it a call of {@code rall}, which drives the same source through the protocol.
     */
    private void yieldAllStatement() {
        List<String> tags = new ArrayList<>();
        for (List<Var> scope : scopes) {
            for (Var v : scope) {
                if (v.type != Type.THROWABLE) {
                    tags.add(v.name);
                }
            }
        }
        String tag = tags.isEmpty() || delegation.nextInt(3) == 0
                ? "\"t" + delegation.nextInt(10) + "\""
                : tags.get(delegation.nextInt(tags.size()));
        List<Var> lists = vars(Type.LIST, false);
        String list =
                lists.isEmpty() ? "List.of(1, 2)" : "few(" + lists.get(delegation.nextInt(lists.size())).name + ")";
        String source = switch (delegation.nextInt(7)) {
            case 0, 1 -> "sub(" + delegation.nextInt(4) + ", " + tag + ")";
            case 2, 3 -> "nest(" + delegation.nextInt(3) + ", " + tag + ")";
            case 4 -> list;
            case 5 -> list + ".iterator()";
            default -> "tail(" + delegation.nextInt(3) + ", " + tag + ")";
        };
        if (delegation.nextBoolean()) {
            line("Yield.all(" + source + ");");
        } else {
            line("Yield.value(f(" + delegation.nextInt(9) + ", Yield.all(" + source + "), " + tag + "));");
        }
    }

    /** Yields every variable in scope, so that a local the rewrite lost shows. */
    private void probe() {
        List<String> shown = new ArrayList<>();
        for (List<Var> scope : scopes) {
            for (Var v : scope) {
                shown.add(v.type == Type.THROWABLE ? "msg(" + v.name + ")" : v.name);
            }
        }
        if (!shown.isEmpty()) {
            java.util.Collections.reverse(shown);
            line("Yield.value(new Object[] {" + String.join(", ", shown) + "});");
        }
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[rnd.nextInt(options.length)];
    }

    private void declaration() {
        Type t = valueType();
        String name = fresh("v");
        String init;
        if (t == Type.OBJECT && chance(50)) {
            init = "Yield.value(" + anyExpr(2) + ")";
        } else if (switchExpressionAllowed() && chance(15) && t != Type.BOOLEAN) {
            init = switchExpression(t, 1);
        } else {
            init = expr(t, 3);
        }
        line(t.source + " " + name + " = " + init + ";");
        declare(name, t, true);
    }

    private void assignment() {
        List<Var> all = new ArrayList<>();
        for (List<Var> scope : scopes) {
            for (Var v : scope) {
                if (v.assignable && v.type != Type.THROWABLE) {
                    all.add(v);
                }
            }
        }
        if (all.isEmpty()) {
            declaration();
            return;
        }
        Var v = all.get(rnd.nextInt(all.size()));
        String target = v.name.equals("fld") && chance(50) ? "this.fld" : v.name;
        switch (v.type) {
            case INT, LONG, DOUBLE, FLOAT, CHAR, BYTE, SHORT -> {
                boolean wide = v.type == Type.LONG || v.type == Type.DOUBLE || v.type == Type.FLOAT;
                if (wide) {
                    wideOnStack++;
                }
                switch (rnd.nextInt(6)) {
                    case 0 -> line(target + (chance(50) ? "++;" : "--;"));
                    case 1, 2 -> line(target + " = " + expr(v.type, 3) + ";");
                    case 3 -> line(target + " += n(Yield.value(" + anyExpr(1) + "));");
                    default -> line(target + pick(" += ", " -= ", " *= ") + intExpr(2) + ";");
                }
                if (wide) {
                    wideOnStack--;
                }
            }
            case BOOLEAN -> line(target + pick(" = ", " &= ", " |= ", " ^= ") + boolExpr(2) + ";");
            case STRING -> {
                switch (rnd.nextInt(3)) {
                    case 0 -> line(target + " = cut(" + strExpr(3) + ");");
                    case 1 -> line(target + " += Yield.value(" + anyExpr(1) + ");");
                    default ->
                        line(target + " += "
                                + expr(pick(Type.INT, Type.CHAR, Type.LONG, Type.DOUBLE, Type.BOOLEAN, Type.OBJECT), 2)
                                + ";");
                }
            }
            case INT_ARRAY -> {
                if (chance(25)) {
                    line(target + " = " + newIntArray(2) + ";");
                } else {
                    line(target + "[" + index(target) + "]" + pick(" = ", " = ", " += ") + intExpr(2) + ";");
                }
            }
            case OBJECT_ARRAY -> {
                if (chance(25)) {
                    line(target + " = " + newObjectArray(2) + ";");
                } else {
                    line(target + "[" + index(target) + "] = " + objExpr(2) + ";");
                }
            }
            case LIST -> {
                if (chance(15)) {
                    line(target + " = new ArrayList<>();");
                } else {
                    line(target + ".add(" + (chance(50) ? "Yield.value(" + anyExpr(1) + ")" : boxedInt(2)) + ");");
                }
            }
            case OBJECT -> line(target + " = " + objExpr(3) + ";");
            case THROWABLE -> throw new AssertionError();
        }
    }

    private String index(String array) {
        return chance(20) ? "0" : "Math.floorMod(" + intExpr(2) + ", " + array + ".length)";
    }

    private void throwStatement() {
        List<Var> caught = vars(Type.THROWABLE, false);
        if (!caught.isEmpty() && chance(30)) {
            line("if (" + boolExpr(1) + ") throw " + caught.get(rnd.nextInt(caught.size())).name + ";");
            return;
        }
        String exception = pick(
                "IllegalStateException",
                "IllegalStateException",
                "IllegalArgumentException",
                "ArithmeticException",
                "RuntimeException",
                "UnsupportedOperationException",
                "Chk",
                "Chk");
        String condition = chance(85) ? "Math.floorMod(" + intExpr(2) + ", 7) == 3" : boolExpr(2);
        line("if (" + condition + ") throw new " + exception + "(\"" + exception.charAt(0) + "\" + " + intExpr(1)
                + ");");
    }

    private void jumpStatement() {
        List<String> jumps = new ArrayList<>();
        boolean loop = false;
        boolean breakable = false;
        for (Target t : targets) {
            if (t.kind != Kind.BLOCK) {
                breakable = true;
            }
            if (t.kind == Kind.LOOP) {
                loop = true;
            }
            if (t.label != null) {
                jumps.add("break " + t.label + ";");
                if (t.kind == Kind.LOOP) {
                    jumps.add("continue " + t.label + ";");
                }
            }
        }
        if (breakable) {
            jumps.add("break;");
            jumps.add("break;");
        }
        if (loop) {
            jumps.add("continue;");
            jumps.add("continue;");
        }
        if (jumps.isEmpty()) {
            throwStatement();
            return;
        }
        line("if (" + boolExpr(2) + ") " + jumps.get(rnd.nextInt(jumps.size())));
    }

    private void ifStatement(int depth) {
        line("if (" + boolExpr(2) + ") {");
        block(depth + 1);
        while (chance(60)) {
            if (chance(40)) {
                line("} else if (" + boolExpr(2) + ") {");
                block(depth + 1);
            } else {
                line("} else {");
                block(depth + 1);
                break;
            }
        }
        line("}");
    }

    private String label() {
        return chance(35) ? fresh("L") : null;
    }

    private void loopBody(String label, int depth) {
        targets.push(new Target(Kind.LOOP, label));
        block(depth + 1);
        targets.pop();
    }

    private String bound() {
        return switch (rnd.nextInt(4)) {
            case 0 -> "1 + Math.floorMod(" + intExpr(1) + ", 3)";
            default -> String.valueOf(between(1, 3));
        };
    }

    private void forLoop(int depth) {
        String label = label();
        String i = fresh("i");
        String update = chance(25) ? i + " += n(Yield.value(" + i + "))" : i + "++";
        scopes.push(new ArrayList<>());
        declare(i, Type.INT, false);
        String condition = i + " < " + bound() + (chance(20) ? " && " + boolExpr(1) : "");
        line((label == null ? "" : label + ": ") + "for (int " + i + " = 0; " + condition + "; " + update + ") {");
        loopBody(label, depth);
        line("}");
        scopes.pop();
    }

    private void whileLoop(int depth) {
        String label = label();
        String w = fresh("w");
        line("int " + w + " = 0;");
        declare(w, Type.INT, false);
        String condition = w + "++ < " + bound() + (chance(25) ? " && " + boolExpr(1) : "");
        line((label == null ? "" : label + ": ") + "while (" + condition + ") {");
        loopBody(label, depth);
        line("}");
    }

    private void doLoop(int depth) {
        String label = label();
        String w = fresh("w");
        line("int " + w + " = 0;");
        declare(w, Type.INT, false);
        line((label == null ? "" : label + ": ") + "do {");
        loopBody(label, depth);
        line("} while (++" + w + " < " + bound() + (chance(25) ? " && " + boolExpr(1) : "") + ");");
    }

    private void forEachLoop(int depth) {
        String label = label();
        String e = fresh("e");
        String header;
        Type elementType;
        Var array = someVar(Type.INT_ARRAY, false);
        Var list = someVar(Type.LIST, false);
        int kind = rnd.nextInt(3);
        if (kind == 0 && array != null) {
            header = "int " + e + " : " + array.name;
            elementType = Type.INT;
        } else if (kind == 1 && list != null) {
            header = "Integer " + e + " : few(" + list.name + ")";
            elementType = Type.OBJECT;
        } else {
            header = "String " + e + " : new String[] {" + strExpr(1) + ", " + strExpr(1) + "}";
            elementType = Type.STRING;
        }
        line((label == null ? "" : label + ": ") + "for (" + header + ") {");
        scopes.push(new ArrayList<>());
        declare(e, elementType, false);
        loopBody(label, depth);
        scopes.pop();
        line("}");
    }

    private enum Selector {
        INT,
        STRING,
        ENUM
    }

    private Selector selectorKind() {
        int r = rnd.nextInt(10);
        return r < 5 ? Selector.INT : r < 9 ? Selector.STRING : Selector.ENUM;
    }

    private String selector(Selector kind) {
        return switch (kind) {
            case INT ->
                switch (rnd.nextInt(4)) {
                    case 0 -> boxedInt(2);
                    case 1 -> "n(Yield.value(" + anyExpr(1) + "))";
                    default -> "Math.floorMod(" + intExpr(2) + ", 5)";
                };
            case STRING -> {
                Var s = someVar(Type.STRING, false);
                yield switch (rnd.nextInt(4)) {
                    case 0 -> s != null ? s.name : "key(" + intExpr(1) + ")";
                    case 1 -> "(\"\" + Yield.value(" + anyExpr(1) + "))";
                    default -> "key(" + intExpr(2) + ")";
                };
            }
            case ENUM -> "Color.values()[Math.floorMod(" + intExpr(2) + ", 3)]";
        };
    }

    /** Case labels, distinct across the switch, in groups of one or two. */
    private List<List<String>> caseLabels(Selector kind) {
        List<String> pool = new ArrayList<>(
                switch (kind) {
                    // "Aa" and "BB" share a hash code
                    case STRING ->
                        List.of("\"a\"", "\"b\"", "\"c\"", "\"Aa\"", "\"BB\"", "\"null\"", "\"4\"", "\"arg1\"", "\"\"");
                    case INT -> List.of("0", "1", "2", "3", "4", "-1", "7", "100", "1000");
                    case ENUM -> List.of("RED", "GREEN", "BLUE");
                });
        java.util.Collections.shuffle(pool, rnd);
        int groups = between(1, kind == Selector.ENUM ? 2 : 4);
        List<List<String>> result = new ArrayList<>();
        int next = 0;
        for (int g = 0; g < groups; g++) {
            int size = chance(25) && next + 2 <= pool.size() - (groups - g - 1) ? 2 : 1;
            result.add(new ArrayList<>(pool.subList(next, next + size)));
            next += size;
        }
        return result;
    }

    private void oldSwitch(int depth) {
        Selector kind = selectorKind();
        line("switch (" + selector(kind) + ") {");
        targets.push(new Target(Kind.SWITCH, null));
        List<List<String>> groups = caseLabels(kind);
        int defaultAt = chance(70) ? rnd.nextInt(groups.size() + 1) : -1;
        for (int g = 0; g <= groups.size(); g++) {
            if (g == defaultAt) {
                switchGroup(List.of(), depth, g == groups.size());
            }
            if (g < groups.size()) {
                switchGroup(groups.get(g), depth, g == groups.size() - 1 && defaultAt != groups.size());
            }
        }
        targets.pop();
        line("}");
    }

    private void switchGroup(List<String> labels, int depth, boolean last) {
        indent++;
        if (labels.isEmpty()) {
            line("default:");
        } else {
            for (String l : labels) {
                line("case " + l + ":");
            }
        }
        block(depth + 1);
        if (!last && chance(75)) {
            indent++;
            line("break;");
            indent--;
        }
        indent--;
    }

    private void arrowSwitch(int depth) {
        Selector kind = selectorKind();
        line("switch (" + selector(kind) + ") {");
        targets.push(new Target(Kind.SWITCH, null));
        indent++;
        List<List<String>> groups = caseLabels(kind);
        for (List<String> labels : groups) {
            arrowCase("case " + String.join(", ", labels), depth);
        }
        if (chance(70)) {
            arrowCase("default", depth);
        }
        indent--;
        targets.pop();
        line("}");
    }

    private void arrowCase(String head, int depth) {
        switch (rnd.nextInt(5)) {
            case 0 -> line(head + " -> Yield.value(" + anyExpr(2) + ");");
            case 1 -> {
                Var v = someVar(Type.INT, true);
                line(head + " -> "
                        + (v != null ? v.name + " += n(Yield.value(" + anyExpr(1) + "))" : "f(1, Yield.value(2), 3)")
                        + ";");
            }
            case 2 -> {
                // never the default: with every arm throwing, the statement after the switch would be unreachable
                if (!head.equals("default") && chance(30)) {
                    line(head + " -> throw new IllegalStateException(\"arrow\" + " + intExpr(1) + ");");
                } else {
                    line(head + " -> { }");
                }
            }
            default -> {
                line(head + " -> {");
                block(depth + 1);
                line("}");
            }
        }
    }

    private void tryStatement(int depth) {
        line("try {");
        block(depth + 1);
        catchesAndFinally(depth, true);
    }

    private void catchesAndFinally(int depth, boolean needOne) {
        List<String> clauses = new ArrayList<>();
        switch (rnd.nextInt(5)) {
            case 0 -> clauses.add("IllegalStateException | IllegalArgumentException");
            case 1 -> {
                clauses.add("IllegalStateException");
                if (chance(50)) {
                    clauses.add("ArithmeticException | IllegalArgumentException");
                }
            }
            case 2 ->
                clauses.add(pick("IllegalArgumentException", "ArithmeticException", "UnsupportedOperationException"));
            default -> {}
        }
        if (chance(35)) {
            clauses.add("RuntimeException");
        }
        if (chance(40)) {
            clauses.add("Exception");
        }
        if (chance(8)) {
            clauses.add("Throwable");
        }
        boolean withFinally = chance(45) || (needOne && clauses.isEmpty());
        for (String type : clauses) {
            String x = fresh("x");
            line("} catch (" + type + " " + x + ") {");
            scopes.push(new ArrayList<>());
            declare(x, Type.THROWABLE, false);
            if (chance(60)) {
                indent++;
                line(pick(
                        "Yield.value(msg(" + x + "));",
                        "Object " + fresh("v") + " = Yield.value(\"caught \" + msg(" + x + "));"));
                indent--;
            }
            block(depth + 1);
            scopes.pop();
        }
        if (withFinally) {
            line("} finally {");
            block(depth + 1);
        }
        line("}");
    }

    private void tryWithResources(int depth) {
        Var list = someVar(Type.LIST, false);
        String log;
        if (list == null) {
            log = fresh("v");
            line("List<Integer> " + log + " = new ArrayList<>();");
            declare(log, Type.LIST, true);
        } else {
            log = list.name;
        }
        String r1 = fresh("r");
        String resources = "Res " + r1 + " = new Res(" + log + ", "
                + (chance(40) ? "n(Yield.value(" + anyExpr(1) + "))" : String.valueOf(between(1, 9))) + ")";
        if (chance(30)) {
            resources += "; Res " + fresh("r") + " = new Res(" + log + ", " + between(10, 19) + ")";
        }
        line("try (" + resources + ") {");
        block(depth + 1);
        if (chance(50)) {
            catchesAndFinally(depth, false);
        } else {
            line("}");
        }
    }

    /**
     * A {@code synchronized} block: its body is any block of statements, jumps out of it and
     * exceptions thrown in it included, whose yields become calls of {@code held} (the contract
     * refuses a yield with a monitor held), so that the lock is taken and released between yields.
     */
    private void synchronizedBlock(int depth) {
        String lock = instance && chance(30) ? "this" : pick("LOCK", "LOCK", "Fuzz.class");
        line("synchronized (" + lock + ") {");
        int start = out.length();
        block(depth + 1);
        String body = out.substring(start);
        out.setLength(start);
        out.append(TYPED_YIELD
                .matcher(body)
                .replaceAll(Matcher.quoteReplacement(CLASS) + ".<$1>held(")
                .replace("Yield.value(", "held(")
                .replace("Yield.all(", "heldAll("));
        line("}");
    }

    /** {@code if (o instanceof T name && ...)}: a pattern whose binding the block uses. */
    private void patternIf(int depth) {
        String name = fresh("pt");
        boolean string = chance(50);
        String test = string
                ? "(Object) " + objExpr(2) + " instanceof String " + name + " && " + name + ".length() > 1"
                : "(Object) " + objExpr(2) + " instanceof Integer " + name;
        line("if (" + test + ") {");
        scopes.push(new ArrayList<>());
        declare(name, string ? Type.STRING : Type.OBJECT, false);
        block(depth + 1);
        scopes.pop();
        line("}");
    }

    private void labeledBlock(int depth) {
        String label = fresh("B");
        line(label + ": {");
        targets.push(new Target(Kind.BLOCK, label));
        block(depth + 1);
        targets.pop();
        line("}");
    }

    // ---- switch expressions -------------------------------------------------------------------

    private boolean switchExpressionAllowed() {
        return switchExpressionDepth < 2 && budget > 3 && wideOnStack == 0;
    }

    /** A switch expression of type t, whose blocks hold statements of their own. */
    private String switchExpression(Type t, int depth) {
        budget -= 2;
        switchExpressionDepth++;
        Deque<Target> savedTargets = targets;
        boolean savedReturn = canReturn;
        targets = new ArrayDeque<>();
        canReturn = false;
        StringBuilder savedOut = out;
        int savedIndent = indent;
        Selector kind = selectorKind();
        String selector = selector(kind);
        out = new StringBuilder();
        out.append("switch (").append(selector).append(") {\n");
        indent++;
        List<List<String>> groups = caseLabels(kind);
        boolean arrows = chance(65);
        for (int g = 0; g <= groups.size(); g++) {
            String head = g < groups.size() ? "case " + String.join(", ", groups.get(g)) : "default";
            if (arrows) {
                if (chance(55)) {
                    line(head + " -> " + expr(t, 2) + ";");
                } else if (g < groups.size() && chance(10)) {
                    line(head + " -> throw new IllegalArgumentException(\"sw\" + " + intExpr(1) + ");");
                } else {
                    line(head + " -> {");
                    scopes.push(new ArrayList<>());
                    block(depth + 1);
                    indent++;
                    yieldStatement(t);
                    indent--;
                    scopes.pop();
                    line("}");
                }
            } else {
                line(head + ":");
                scopes.push(new ArrayList<>());
                block(depth + 1);
                indent++;
                if (g == groups.size() || chance(80)) {
                    yieldStatement(t);
                }
                indent--;
                scopes.pop();
            }
        }
        indent = savedIndent;
        out.append(pad(0)).append("}");
        String text = out.toString();
        out = savedOut;
        targets = savedTargets;
        canReturn = savedReturn;
        switchExpressionDepth--;
        return text;
    }

    /** {@code yield e;}, through a local where javac would read {@code yield (...)} as a call of a method named yield. */
    private void yieldStatement(Type t) {
        String e = expr(t, 2);
        if (e.startsWith("(")) {
            String temporary = fresh("v");
            line(t.source + " " + temporary + " = " + e + ";");
            e = temporary;
        }
        line("yield " + e + ";");
    }

    // ---- expressions ----------------------------------------------------------------------------

    private String expr(Type t, int d) {
        return switch (t) {
            case INT -> intExpr(d);
            case LONG -> longExpr(d);
            case DOUBLE -> doubleExpr(d);
            case FLOAT -> floatExpr(d);
            case CHAR -> charExpr(d);
            case BYTE -> narrow(Type.BYTE, "byte", d);
            case SHORT -> narrow(Type.SHORT, "short", d);
            case BOOLEAN -> boolExpr(d);
            case STRING -> strExpr(d);
            case INT_ARRAY -> {
                Var v = someVar(Type.INT_ARRAY, false);
                yield v != null && chance(60) ? v.name : newIntArray(d);
            }
            case OBJECT_ARRAY -> {
                Var v = someVar(Type.OBJECT_ARRAY, false);
                yield v != null && chance(60) ? v.name : newObjectArray(d);
            }
            case LIST -> {
                Var v = someVar(Type.LIST, false);
                if (v != null && chance(60)) {
                    yield v.name;
                }
                yield chance(40)
                        ? "new ArrayList<>()"
                        : "new ArrayList<Integer>(List.of(" + boxedInt(d - 1) + ", " + boxedInt(d - 1) + "))";
            }
            case OBJECT -> objExpr(d);
            case THROWABLE -> throw new AssertionError();
        };
    }

    private String anyExpr(int d) {
        return expr(valueType(), d);
    }

    private String newIntArray(int d) {
        StringBuilder s = new StringBuilder("new int[] {");
        int n = between(1, 3);
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : ", ").append(intExpr(d - 1));
        }
        return s.append("}").toString();
    }

    private String newObjectArray(int d) {
        return "new Object[] {" + objExpr(d - 1) + ", " + objExpr(d - 1) + "}";
    }

    private String varOr(Type t, String otherwise) {
        Var v = someVar(t, false);
        return v != null ? v.name : otherwise;
    }

    private String intLiteral() {
        int k = between(-3, 12);
        return k < 0 ? "(" + k + ")" : String.valueOf(k);
    }

    private String intExpr(int d) {
        if (d <= 0 || chance(25)) {
            return switch (rnd.nextInt(7)) {
                case 0 -> intLiteral();
                case 2 -> varOr(Type.BYTE, varOr(Type.INT, intLiteral()));
                case 3 -> varOr(Type.SHORT, varOr(Type.INT, intLiteral()));
                default -> varOr(Type.INT, intLiteral());
            };
        }
        switch (rnd.nextInt(21)) {
            case 0, 1, 2 -> {
                return "(" + intExpr(d - 1) + pick(" + ", " - ", " * ", " + ") + intExpr(d - 1) + ")";
            }
            case 3 -> {
                if (chance(50)) {
                    String name = fresh("pt");
                    return "((Object) " + objExpr(d - 1) + " instanceof Integer " + name + " ? " + name + " + 1 : "
                            + intExpr(d - 1) + ")";
                }
                return "n(" + objExpr(d - 1) + ")";
            }
            case 4, 5 -> {
                return "n(Yield.value(" + anyExpr(d - 1) + "))";
            }
            case 6 -> {
                return "(" + boolExpr(d - 1) + " ? " + intExpr(d - 1) + " : " + intExpr(d - 1) + ")";
            }
            case 7 -> {
                return "(" + strExpr(d - 1) + ").length()";
            }
            case 8 -> {
                Var l = someVar(Type.LIST, false);
                return l != null ? l.name + ".size()" : intExpr(d - 1);
            }
            case 9 -> {
                Var a = someVar(Type.INT_ARRAY, false);
                if (a == null) {
                    return intExpr(d - 1);
                }
                return chance(10)
                        ? a.name + "[" + intExpr(d - 1) + "]"
                        : a.name + "[Math.floorMod(" + intExpr(d - 1) + ", " + a.name + ".length)]";
            }
            case 10 -> {
                return "(int) (" + longExpr(d - 1) + ")";
            }
            case 11 -> {
                return "(int) (" + doubleExpr(d - 1) + ")";
            }
            case 12 -> {
                return "Math.floorMod(" + intExpr(d - 1) + ", " + between(2, 7) + ")";
            }
            case 13 -> {
                return chance(25)
                        ? "Yield.<Integer>value(" + anyExpr(d - 1) + ")"
                        : "n(Yield.value(" + intExpr(d - 1) + "))";
            }
            case 14 -> {
                return switchExpressionAllowed() && chance(40) ? switchExpression(Type.INT, 2) : intExpr(d - 1);
            }
            case 15 -> {
                return "(" + intExpr(d - 1) + " / "
                        + (chance(15) ? "Math.floorMod(" + intExpr(d - 1) + ", 3)" : String.valueOf(between(1, 5)))
                        + ")";
            }
            case 16 -> {
                return instance ? pick("fld", "this.fld") : intExpr(d - 1);
            }
            case 17 -> {
                return "(" + charExpr(d - 1) + " - 'a')";
            }
            case 18 -> {
                Var a = someVar(Type.INT_ARRAY, false);
                return a != null ? a.name + ".length" : intExpr(d - 1);
            }
            case 19 -> {
                // a lambda in the body is a method of its own, which the rewrite leaves alone
                return "((java.util.function.IntUnaryOperator) q -> q * 3 + 1).applyAsInt(" + intExpr(d - 1) + ")";
            }
            default -> {
                Var v = someVar(Type.INT, true);
                return v != null && chance(50) ? "(" + v.name + " = " + intExpr(d - 1) + ")" : intExpr(d - 1);
            }
        }
    }

    /** An int expression where an Integer is expected: a byte or short would box to Byte or Short. */
    private String boxedInt(int d) {
        return "(int) (" + intExpr(d) + ")";
    }

    private String longExpr(int d) {
        wideOnStack++;
        try {
            return longExprWithoutSwitch(d);
        } finally {
            wideOnStack--;
        }
    }

    private String longExprWithoutSwitch(int d) {
        if (d <= 0 || chance(30)) {
            return chance(50)
                    ? varOr(Type.LONG, "(" + between(-3, 99) + "L)")
                    : "(" + (rnd.nextLong() >> rnd.nextInt(60)) + "L)";
        }
        return switch (rnd.nextInt(6)) {
            case 0, 1 -> "(" + longExpr(d - 1) + pick(" + ", " - ", " * ") + longExpr(d - 1) + ")";
            case 2 -> "(" + intExpr(d - 1) + " * 1000003L)";
            case 3 -> "(long) (" + doubleExpr(d - 1) + ")";
            case 4 -> "(" + boolExpr(d - 1) + " ? " + longExpr(d - 1) + " : " + intExpr(d - 1) + ")";
            default -> "(" + longExpr(d - 1) + " >> " + between(0, 5) + ")";
        };
    }

    private String doubleExpr(int d) {
        wideOnStack++;
        try {
            return doubleExprWithoutSwitch(d);
        } finally {
            wideOnStack--;
        }
    }

    private String doubleExprWithoutSwitch(int d) {
        if (d <= 0 || chance(30)) {
            return chance(60) ? varOr(Type.DOUBLE, "(" + between(-4, 9) + ".5)") : pick("0.25", "(-1.5)", "3.0");
        }
        return switch (rnd.nextInt(6)) {
            case 0, 1 -> "(" + doubleExpr(d - 1) + pick(" + ", " - ", " * ", " / ") + doubleExpr(d - 1) + ")";
            case 2 -> "(double) " + intExpr(d - 1);
            case 3 -> "(" + floatExpr(d - 1) + " * 2.0)";
            case 4 -> "Math.sqrt(Math.abs(" + doubleExpr(d - 1) + "))";
            default -> "(" + longExpr(d - 1) + " / 4.0)";
        };
    }

    private String floatExpr(int d) {
        wideOnStack++;
        try {
            return floatExprWithoutSwitch(d);
        } finally {
            wideOnStack--;
        }
    }

    private String floatExprWithoutSwitch(int d) {
        if (d <= 0 || chance(30)) {
            return chance(60) ? varOr(Type.FLOAT, "(" + between(-4, 9) + ".25f)") : "1.5f";
        }
        return switch (rnd.nextInt(4)) {
            case 0 -> "(" + floatExpr(d - 1) + pick(" + ", " - ", " * ") + floatExpr(d - 1) + ")";
            case 1 -> "(float) (" + doubleExpr(d - 1) + ")";
            case 2 -> "(" + intExpr(d - 1) + " * 0.5f)";
            default -> "(" + boolExpr(d - 1) + " ? " + floatExpr(d - 1) + " : " + floatExpr(d - 1) + ")";
        };
    }

    private String charExpr(int d) {
        if (d <= 0 || chance(35)) {
            return chance(60)
                    ? varOr(Type.CHAR, "'" + (char) ('a' + rnd.nextInt(26)) + "'")
                    : "'" + (char) ('A' + rnd.nextInt(26)) + "'";
        }
        return switch (rnd.nextInt(3)) {
            case 0 -> "(char) ('a' + Math.floorMod(" + intExpr(d - 1) + ", 26))";
            case 1 -> "\"wxyz\".charAt(Math.floorMod(" + intExpr(d - 1) + ", 4))";
            default -> "(" + boolExpr(d - 1) + " ? " + charExpr(d - 1) + " : " + charExpr(d - 1) + ")";
        };
    }

    private String narrow(Type t, String name, int d) {
        if (chance(40)) {
            Var v = someVar(t, false);
            if (v != null) {
                return v.name;
            }
        }
        return "(" + name + ") (int) (" + intExpr(d - 1) + ")";
    }

    private String boolExpr(int d) {
        if (d <= 0 || chance(20)) {
            Var v = someVar(Type.BOOLEAN, false);
            if (v != null && chance(70)) {
                return chance(30) ? "!" + v.name : v.name;
            }
            return "(" + intExpr(0) + pick(" < ", " > ", " == ", " != ", " <= ") + intExpr(0) + ")";
        }
        return switch (rnd.nextInt(14)) {
            case 0, 1, 2 ->
                "(" + intExpr(d - 1) + pick(" < ", " > ", " == ", " != ", " <= ", " >= ") + intExpr(d - 1) + ")";
            case 3 -> "(" + longExpr(d - 1) + " > " + longExpr(d - 1) + ")";
            case 4 -> "(" + doubleExpr(d - 1) + " < " + doubleExpr(d - 1) + ")";
            case 5 -> "!" + boolExpr(d - 1);
            case 6 -> "(" + boolExpr(d - 1) + " && " + boolExpr(d - 1) + ")";
            case 7 -> "(" + boolExpr(d - 1) + " || " + boolExpr(d - 1) + ")";
            case 8 -> "(" + objExpr(d - 1) + " == null)";
            case 9 -> "(Yield.value(" + anyExpr(d - 1) + ") " + pick("==", "!=") + " null)";
            case 10 -> "((Object) " + objExpr(d - 1) + " instanceof Integer)";
            case 11 -> "(" + strExpr(d - 1) + ").isEmpty()";
            case 12 -> {
                Var l = someVar(Type.LIST, false);
                yield l != null
                        ? l.name + ".contains(" + intExpr(d - 1) + ")"
                        : "(Math.floorMod(" + intExpr(d - 1) + ", 7) == 3)";
            }
            default -> "(" + charExpr(d - 1) + " >= 'm')";
        };
    }

    /** A type that reads the same in both variants when concatenated into a string. */
    private Type printable() {
        Type t;
        do {
            t = valueType();
        } while (t == Type.INT_ARRAY || t == Type.OBJECT_ARRAY);
        return t;
    }

    private String strExpr(int d) {
        if (d <= 0 || chance(25)) {
            return chance(60) ? varOr(Type.STRING, "\"s" + rnd.nextInt(10) + "\"") : "\"" + pick("", "t", "uv") + "\"";
        }
        switch (rnd.nextInt(12)) {
            case 0, 1 -> {
                return "(" + strExpr(d - 1) + " + " + expr(printable(), d - 1) + ")";
            }
            case 2 -> {
                return "(\"\" + Yield.value(" + anyExpr(d - 1) + "))";
            }
            case 3 -> {
                return "(" + strExpr(d - 1) + " + Yield.value(" + anyExpr(d - 1) + "))";
            }
            case 4 -> {
                return "show(" + anyExpr(d - 1) + ")";
            }
            case 5 -> {
                return "key(" + intExpr(d - 1) + ")";
            }
            case 6 -> {
                return "String.valueOf(" + boxedInt(d - 1) + ")";
            }
            case 7 -> {
                List<Var> caught = vars(Type.THROWABLE, false);
                return caught.isEmpty()
                        ? "cut(" + strExpr(d - 1) + ")"
                        : "msg(" + caught.get(rnd.nextInt(caught.size())).name + ")";
            }
            case 8 -> {
                return "(\"\" + f(" + objExpr(d - 1) + ", " + objExpr(d - 1) + ", " + objExpr(d - 1) + "))";
            }
            case 9 -> {
                return chance(15)
                        ? "Yield.<String>value(" + anyExpr(d - 1) + ")"
                        : "(" + strExpr(d - 1) + " + " + charExpr(d - 1) + ")";
            }
            case 10 -> {
                return switchExpressionAllowed() && chance(40) ? switchExpression(Type.STRING, 2) : strExpr(d - 1);
            }
            default -> {
                return "(" + boolExpr(d - 1) + " ? " + strExpr(d - 1) + " : " + strExpr(d - 1) + ")";
            }
        }
    }

    /** Any type but Object and Object[], so that a Box never holds a box (nor itself). */
    private String boxArgument(int d) {
        if (chance(35)) {
            return "Yield.value(" + anyExpr(d) + ")";
        }
        Type t;
        do {
            t = valueType();
        } while (t == Type.OBJECT || t == Type.OBJECT_ARRAY);
        return expr(t, d);
    }

    private String objExpr(int d) {
        if (d <= 0 || chance(20)) {
            Var v = someVar(Type.OBJECT, false);
            if (v != null && chance(70)) {
                return v.name;
            }
            return chance(50) ? "Yield.value(" + intExpr(0) + ")" : "\"o" + rnd.nextInt(10) + "\"";
        }
        switch (rnd.nextInt(13)) {
            case 0, 1, 2, 3 -> {
                return "Yield.value(" + anyExpr(d - 1) + ")";
            }
            case 4 -> {
                return "f(" + objExpr(d - 1) + ", " + objExpr(d - 1) + ", " + objExpr(d - 1) + ")";
            }
            case 5, 6 -> {
                return "new Box(" + boxArgument(d - 1) + ", " + boxArgument(d - 1) + ")";
            }
            case 7 -> {
                return "Integer.valueOf(" + intExpr(d - 1) + ")";
            }
            case 8 -> {
                return "cut(" + strExpr(d - 1) + ")";
            }
            case 9 -> {
                return "(" + boolExpr(d - 1) + " ? (Object) " + objExpr(d - 1) + " : (Object) " + objExpr(d - 1) + ")";
            }
            case 10 -> {
                Var a = someVar(Type.OBJECT_ARRAY, false);
                return a != null
                        ? a.name + "[Math.floorMod(" + intExpr(d - 1) + ", " + a.name + ".length)]"
                        : objExpr(d - 1);
            }
            case 11 -> {
                // Cast, as the conditional's arms are: out of an assignment or invocation context
                // a switch whose arms are all boxed numbers is a numeric one (Integer and Long
                // arms make a long), and `switch ... == null` would not compile (seed 840727).
                return switchExpressionAllowed() && chance(40)
                        ? "((Object) " + switchExpression(Type.OBJECT, 2) + ")"
                        : "(Object) " + expr(pick(Type.LONG, Type.DOUBLE, Type.CHAR, Type.BOOLEAN), d - 1);
            }
            default -> {
                Var l = someVar(Type.LIST, false);
                return l != null ? l.name : "Long.valueOf(" + longExpr(d - 1) + ")";
            }
        }
    }
}
