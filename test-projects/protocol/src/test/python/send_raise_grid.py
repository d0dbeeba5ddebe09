# The grid of SendRaiseGridAgainstCPythonTest, in Python: send and raise through yield-from chains
# 1 to 4 deep, one line per case, printed for the test to compare with the same programs as
# generators of this project.
import inspect, sys
import grid_common
from grid_common import X, Y, s, reg
def kind(e):
    if isinstance(e, RuntimeError): return "ISE"
    if isinstance(e, X): return "X(" + str(e) + ")"
    if isinstance(e, Y): return "Y(" + str(e) + ")"
    if isinstance(e, AttributeError): return "NOSEND"
    if isinstance(e, StopIteration): return "stop"
    return type(e).__name__
def echo(name, log):
    try:
        v1 = yield name + "1"
        log.append(name + " got " + s(v1))
        v2 = yield name + "2"
        log.append(name + " got " + s(v2))
        return name + "L" + s(v1) + s(v2)
    finally:
        log.append("fin " + name)
def node(name, child, catches, mode, log):
    try:
        if child is None:
            r = yield name + "v"
        else:
            r = yield from child
        log.append(name + " got " + s(r))
        v = yield name + "after"
        log.append(name + " resumed " + s(v))
        return name + "R"
    except BaseException as e:
        k = kind(e)
        if not (catches == "any" or (catches == "X" and k.startswith("X"))):
            log.append(name + " passes " + k)
            raise
        log.append(name + " caught " + k)
        if mode == "yield":
            v = yield name + "Y"
            log.append(name + " resumed " + s(v))
            return name + "R2"
        elif mode == "return": return name + "C"
        elif mode == "throwY": raise Y(name)
        else:
            if mode == "allEcho": sub = yield from reg(echo(name + "s", log))
            elif mode == "allReturn": sub = yield from reg(grid_common.emptyLeaf(name + "e", False, log))
            else: sub = yield from iter([name + "i1", name + "i2"])
            log.append(name + " sub " + s(sub))
            v = yield name + "after2"
            log.append(name + " resumed2 " + s(v))
            return name + "R3"
    finally:
        log.append("fin " + name)
def call(root, f):
    was_done = inspect.getgeneratorstate(root) == "GEN_CLOSED"
    try: return "val:" + s(f())
    except StopIteration as e:
        return "stop" if was_done else "stop(" + s(e.value) + ")"
    except BaseException as e: return kind(e)
def apply(root, op):
    if op == "n": return call(root, lambda: next(root))
    if op.startswith("s"): return call(root, lambda: root.send(op[1:]))
    if op == "X": return call(root, lambda: root.throw(X("op")))
    if op == "Y": return call(root, lambda: root.throw(Y("op")))
    raise Exception(op)
def run(d, cat, mode, seq):
    log = []; grid_common.new_case()
    child = None
    for i in range(d - 1, -1, -1):
        child = reg(grid_common.tail_node("n%d" % i, child) if cat[i] == "tail"
                    else node("n%d" % i, child, cat[i], mode[i], log))
    root = child
    t = "first:" + apply(root, "n")
    for op in seq:
        t += " " + op + ":" + apply(root, op)
    t += " done:" + ("true" if inspect.getgeneratorstate(root) == "GEN_CLOSED" else "false")
    t += " log:[" + ", ".join(log) + "]"
    return t, list(grid_common.registry)
CATCHES = ["X", "any"]
MODES = ["yield", "return", "throwY", "allEcho", "allReturn", "allIter"]
SEQS = [
    "sa X sb n Y n", "X sa sb n n", "sa sb X sc n", "X X sa sb sc",
    "Y sa X n sb", "n X sb Y n", "X sa Y sb n", "sa sb sc sd", "X sa X sb Y sc", "sa X X X sb n", "Y Y sa n", "X sa sb X sc Y sd",
]
grid_common.print_grid(CATCHES, MODES, SEQS, "seq", lambda d, cat, mode, seq: run(d, cat, mode, seq.split()))
