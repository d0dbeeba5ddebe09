package shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static shapes.Collect.list;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalsTest {

    @Test
    void localsOfEveryPrimitiveTypeKeepTheirValuesAcrossYields() {
        assertEquals(Arrays.asList(41, 9223372036854775806L, 0.5, 1.25f, 'y', (byte) -128, (short) 32000, false,
                "42 9223372036854775807 1.5 -0.75 z 127 32700 true"), list(Locals.everyPrimitive()));
    }

    @Test
    void edgeValuesSurviveWithoutLosingBitsOrSign() {
        List<Object> values = list(Locals.edgeValues());
        assertEquals(Arrays.asList(Long.MIN_VALUE, Double.NaN, -0.0, Float.MIN_VALUE, '\uffff',
                -9223370937343148032L), values);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) values.get(2)));
    }

    @Test
    void parametersOfEveryTypeAreReadAndChangedAcrossYields() {
        assertEquals(List.of("i=5", "l=10", "d=2.5 f=0.5", "c=c b=7 s=300 z=true", "hi!", "l=15 i=5 str=hi!"),
                list(Locals.primitiveParameters(5, 10L, 2.5, 0.5f, 'c', (byte) 7, (short) 300, true, "hi")));
    }

    @Test
    void parametersChangedByTheBodyAreFreshOnTheSecondIteration() {
        Iterable<String> g = Locals.primitiveParameters(1, 2L, 0, 0, 'a', (byte) 0, (short) 0, false, "s");
        assertEquals(list(g), list(g));
        assertEquals("l=3 i=1 str=s!", list(g).get(5));
    }

    @Test
    void intAndNestedStringArraysAreChangedBetweenYields() {
        assertEquals(List.of("[0, 0, 0]", "[0, 0, 0]", "[0, 1, 0]", "[0, 1, 4]", "[[a, b], null]", "[[a, b], [c]]",
                "[1, 2][[0.5], [1.5, 2.5]]"), list(Locals.arrays(3)));
    }

    @Test
    void nullValuedLocalsOfSeveralTypesStayNullAcrossYields() {
        assertEquals(List.of("s=null o=null boxed=null array=null list=null", "s=now boxed=7 o=null", "s=null o=now"),
                list(Locals.nullLocals()));
    }

    @Test
    void scopesReusingOneSlotForDifferentTypesEachKeepTheirValue() {
        assertEquals(List.of(10, 11, "text", 4, 2.5, 5.0, List.of("x")), list(Locals.slotReuse()));
    }

    @Test
    void localDeclaredBeforeAYieldAndAssignedAfterIt() {
        assertEquals(List.of(0, 1, 2, 3), list(Locals.declaredBeforeAssignedAfter(true)));
        assertEquals(List.of(0, -1, -2, -3), list(Locals.declaredBeforeAssignedAfter(false)));
    }

    @Test
    void boxedLocalsAreUpdatedAcrossYields() {
        assertEquals(List.of("0:0:a:true", "1:100:b:false", "2:300:c:true"), list(Locals.boxedLocals()));
    }
}
