# What close_grid.py and send_raise_grid.py share, as CPythonGrid does for their Java twins: the
# chains 1 to 4 deep with up to two nodes given one of the variants, each run under every drive
# (an operation, or a sequence of them), one line per case on standard output.
import sys


class X(Exception): pass


class Y(Exception): pass


def s(o):
    """A value as both grids print it: None as null, as their Java twins do."""
    return "null" if o is None else str(o)


# Every generator the case being run made, in order: for the close grid's states, and kept to the
# end of the whole grid (print_grid) so that no finalizer runs meanwhile.
registry = []


def reg(g):
    registry.append(g)
    return g


def new_case():
    """Starts a case's registry afresh."""
    global registry
    registry = []


def emptyLeaf(name, never, log):
    """A delegate that returns at once (or, given never, yields first), in both grids."""
    try:
        if never:
            yield "never"
        return name + "E"
    finally:
        log.append("fin " + name)


def tail_node(name, child):
    """A node whose last act is its yield from, as CPythonGrid.tailNode."""
    if child is None:
        yield name + "v"
        return None
    yield from child


def print_grid(catches, modes, drives, drive_name, run):
    variants = [c + ":" + m for c in catches for m in modes] + ["tail:none"]
    out = []
    kept = []  # every generator stays referenced until the end, so no finalizer runs meanwhile
    for d in range(1, 5):
        for i in range(-1, d):
            for j in range(i, d):
                if j == i and i != -1:
                    continue
                vi = ["none:none"] if i < 0 else variants
                vj = ["none:none"] if j < 0 else variants
                for a in vi:
                    for b in vj:
                        cat = ["none"] * d
                        mode = ["none"] * d
                        if i >= 0:
                            cat[i], mode[i] = a.split(":")
                        if j >= 0:
                            cat[j], mode[j] = b.split(":")
                        for drive in drives:
                            id_ = "d=%d %s=%s" % (d, drive_name, drive.replace(" ", ",")) + "".join(
                                " n%d=%s:%s" % (k, cat[k], mode[k]) for k in range(d))
                            r, keep = run(d, cat, mode, drive)
                            kept.append(keep)
                            out.append(id_ + " | " + r)
    sys.stdout.write("\n".join(out) + "\n")
