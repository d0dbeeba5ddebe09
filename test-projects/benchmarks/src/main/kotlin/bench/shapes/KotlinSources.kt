package bench.shapes

import bench.Tree
import java.util.stream.Stream
import kotlin.streams.asStream

/**
 * [Sources] as a Kotlin user writes it: each method a `sequence {}` builder, handed out as its
 * iterator or, for the stream, through the standard library's `asStream()`. The third baseline
 * of [ShapeBenchmarks], beside the generators and the iterators written by hand in Java.
 */
class KotlinSources : Sources {

    override fun range(n: Int): Iterator<Int> = sequence {
        for (i in 0 until n) {
            yield(i)
        }
    }.iterator()

    override fun three(base: Int): Iterator<Int> = sequence {
        yield(base)
        yield(base + 1)
        yield(base + 2)
    }.iterator()

    override fun rangeStream(n: Int): Stream<Int> = sequence {
        for (i in 0 until n) {
            yield(i)
        }
    }.asStream()

    override fun inOrder(tree: Tree): Iterator<Int> = sequence {
        tree.left()?.let { yieldAll(inOrder(it)) }
        yield(tree.value())
        tree.right()?.let { yieldAll(inOrder(it)) }
    }.iterator()
}
