# The close grid of CloseGridAgainstCPythonTest, in Python: every case's outcome, one line each,
# printed for the test to compare with the same programs as generators of this project.
# Chains 1 to 4 deep of node(); up to two nodes catch GeneratorExit, X or anything, then yield,
# return, throw, or delegate again; the root is closed, or a GeneratorExit or an X is thrown in.
import inspect, sys
import grid_common
from grid_common import X, Y, s, reg
def kind(e):
    if isinstance(e, GeneratorExit): return "GE"
    if isinstance(e, RuntimeError): return "ISE"
    if isinstance(e, X): return "X"
    if isinstance(e, Y): return "Y"
    if isinstance(e, StopIteration): return "stop"
    return type(e).__name__
def leaf(name, log):
    try:
        yield name + "1"
        yield name + "2"
        return name + "L"
    finally:
        log.append("fin " + name)
def thrower(name, never, log):
    try:
        if never: yield "never"
        raise Y(name)
    finally:
        log.append("fin " + name)
def wrapS(name, c, log):
    try:
        r = yield from c
        return r
    finally:
        log.append("fin " + name)
class HW:
    def __init__(s_, name, log): s_.n=0; s_.done=False; s_.name=name; s_.log=log
    def __iter__(s_): return s_
    def __next__(s_): return s_.send(None)
    def send(s_, v):
        if s_.done or s_.n >= 2:
            s_.done = True; raise StopIteration("hwR")
        r = s_.name + "h" + str(s_.n); s_.n += 1; return r
    def throw(s_, typ, val=None, tb=None):
        e = val if val is not None else typ
        s_.log.append(s_.name + " hw raise " + kind(e)); s_.done = True; raise e
    def close(s_):
        s_.log.append(s_.name + " hw close"); s_.done = True
def node(name, child, catches, mode, log):
    try:
        if child is None:
            r = yield name + "v"
        else:
            r = yield from child
        log.append(name + " got " + s(r))
        yield name + "after"
        return name + "R"
    except BaseException as e:
        k = kind(e)
        if not (catches == "any" or (catches == "GE" and k == "GE") or (catches == "X" and k == "X")):
            log.append(name + " passes " + k)
            raise
        log.append(name + " caught " + k)
        if mode == "yield":
            v = yield name + "Y"
            log.append(name + " resumed " + s(v))
            return name + "R2"
        elif mode == "return": return name + "C"
        elif mode == "returnNull": return None
        elif mode == "throwX": raise X(name)
        else:
            if mode == "allGenYield": sub = yield from reg(leaf(name + "s", log))
            elif mode == "allGen2Yield": sub = yield from reg(wrapS(name + "w", reg(leaf(name + "s", log)), log))
            elif mode == "allGenReturn": sub = yield from reg(grid_common.emptyLeaf(name + "e", False, log))
            elif mode == "allGenThrow": sub = yield from reg(thrower(name + "t", False, log))
            elif mode == "allIter": sub = yield from iter([name + "i1", name + "i2"])
            else: sub = yield from HW(name, log)
            log.append(name + " sub " + s(sub))
            return name + "R3"
    finally:
        log.append("fin " + name)
def call(f):
    try: return "val:" + s(f())
    except BaseException as e: return kind(e)
def state(g):
    st = inspect.getgeneratorstate(g)
    return {"GEN_CLOSED": "D", "GEN_RUNNING": "H"}.get(st, "S")
def run(d, cat, mode, op):
    log = []; grid_common.new_case()
    child = None
    for i in range(d - 1, -1, -1):
        child = reg(grid_common.tail_node("n%d" % i, child) if cat[i] == "tail"
                    else node("n%d" % i, child, cat[i], mode[i], log))
    root = child
    t = "first:" + call(lambda: next(root))
    if op == "close":
        def f(): root.close(); return "closed"
        o = call(f)
    elif op == "raiseGE": o = call(lambda: root.throw(GeneratorExit()))
    else: o = call(lambda: root.throw(X("op")))
    t += " op:" + o
    k = 0
    while k < 6 and o.startswith("val:"):
        o = call(lambda: next(root)); t += " n:" + o; k += 1
    t += " done:" + ("true" if state(root) == "D" else "false")
    t += " states:" + "".join(state(g) for g in grid_common.registry)
    t += " log:[" + ", ".join(log) + "]"
    res = t
    keep = list(grid_common.registry)
    return res, keep
CATCHES = ["GE", "X", "any"]
MODES = ["yield", "return", "returnNull", "throwX", "allGenYield", "allGen2Yield", "allGenReturn", "allGenThrow", "allIter", "allCoro"]
grid_common.print_grid(CATCHES, MODES, ["close", "raiseGE", "raiseX"], "op", run)
