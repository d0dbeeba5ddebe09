package example;

import dev.generators.Generator;
import dev.generators.Yield;

public class Fib {

    @Generator
    public static Iterable<Long> fibonacci(int count) {
        long a = 0, b = 1;
        for (int i = 0; i < count; i++) {
            Yield.value(a);
            long t = a + b; a = b; b = t;
        }
        return Yield.done();
    }

    public static void main(String[] args) {
        for (long n : fibonacci(10)) {
            System.out.print(n + " ");
        }
        System.out.println();
    }
}
