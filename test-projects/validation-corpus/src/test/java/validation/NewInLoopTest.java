package validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static validation.Collect.of;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewInLoopTest {

    @Test
    void newInALoopAfterNull() {
        List<String> out = new ArrayList<String>();
        for (Object o : NewInLoop.afterNull(2)) {
            out.add(o.toString());
        }
        assertEquals(of("x0", "x1"), out);
    }

    @Test
    void newInALoopWideningALocal() {
        List<String> out = new ArrayList<String>();
        for (String s : NewInLoop.widened(2)) {
            out.add(s);
        }
        assertEquals(of("start0", "start01", "[start, start0]"), out);
    }
}
