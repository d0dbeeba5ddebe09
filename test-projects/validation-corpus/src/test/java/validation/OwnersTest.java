package validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static validation.Collect.list;
import static validation.Collect.of;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OwnersTest {

    @Test
    void innerClassReadsItsOuterInstance() {
        assertEquals(of("hello ann 0", "hello ann 1", "secret of ann", 3), list(new Outer("ann").inner(2).greetings()));
    }

    @Test
    void innerClassOfAnInnerClass() {
        Outer.Inner in = new Outer("bo").inner(5);
        assertEquals(of("bo", "5", "secret of bo"), list(in.new Deeper().path()));
    }

    @Test
    void staticNestedClassReturningAStream() {
        assertEquals(of("x", "y"), Outer.Nested.names("x", "y").collect(Collectors.toList()));
    }

    @Test
    void privateNestedClass() {
        assertEquals(of(7, 8), list(Outer.hidden(7)));
    }

    @Test
    void interfaceDefaultMethod() {
        Shape triangle = new Shape() {
            @Override
            public int sides() {
                return 3;
            }

            @Override
            public String name() {
                return "tri";
            }
        };
        assertEquals(of("tri side 1", "tri side 2", "tri side 3", "TRI3"), list(triangle.describe()));
    }

    @Test
    void interfaceStaticMethod() {
        List<String> names = new ArrayList<String>();
        Iterator<Shape> it = Shape.regular(3, 5);
        Shape square = null;
        while (it.hasNext()) {
            Shape s = it.next();
            names.add(s.name());
            if (s.sides() == 4) {
                square = s;
            }
        }
        assertEquals(of("3-gon", "4-gon", "5-gon"), names);
        assertEquals(of("4-gon side 1", "4-gon side 2", "4-gon side 3", "4-gon side 4", "4-GON4"), list(square.describe()));
    }

    @Test
    void genericInterfaceDefaultMethods() {
        final String[] items = {"a", "bb", "ccc"};
        Shape.Seq<String> seq = new Shape.Seq<String>() {
            @Override
            public String get(int i) {
                return items[i];
            }

            @Override
            public int size() {
                return items.length;
            }
        };
        assertEquals(of("ccc", "bb", "a"), list(seq.reversed()));
        assertEquals(of(3, 2, 1), list(seq.<Integer>map(String::length)));
    }

    @Test
    void enumAndEnumConstantBody() {
        assertEquals(of("mercury", "order 1", "closest"), list(Planet.MERCURY.facts()));
        assertEquals(of("home", "not mercury", "not order 1", "not closest"), list(Planet.EARTH.facts()));
    }

    @Test
    void genericClassAndGenericMethod() {
        Box<Integer> box = new Box<Integer>(5, 1, 3);
        assertEquals(of(3, 5), list(box.sortedAbove(2)));
        assertEquals(of(10, 2, 6), list(box.<Integer>map(x -> x * 2)));
    }

    @Test
    void abstractClassCallingTheSubclass() {
        Box.Template t = new Box.Template() {
            @Override
            protected String step(int i) {
                return "step " + i;
            }
        };
        assertEquals(of("step 0", "step 1"), list(t.steps(2)));
    }

    @Test
    void overrideThroughTheBridge() {
        Box.Strings strings = new Box.Strings("b", "a", "c");
        assertEquals(of("strings above a", "b", "c"), list(strings.sortedAbove("a")));
        Box<String> viaBridge = strings;
        assertEquals(of("strings above a", "b", "c"), list(viaBridge.sortedAbove("a")));
    }
}
