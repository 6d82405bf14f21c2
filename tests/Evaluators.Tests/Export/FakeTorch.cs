namespace Evaluators.Tests.Export;

/// <summary>
/// A Python script that parses a generated module (argv[1]) and, with argv[2] = probe points,
/// runs every class on them with a scalar stand-in for torch (torch is not installed here):
/// IEEE doubles with PyTorch's documented semantics (normalised sinc, erf-form gelu, ...).
/// Prints the top-level class names on the first line, then "class value value ..." per class.
/// </summary>
internal static class FakeTorch
{
    public const string Script = """
import ast, math, sys, types

source = open(sys.argv[1]).read()
tree = ast.parse(source)
print(" ".join(n.name for n in tree.body if isinstance(n, ast.ClassDef)))
if len(sys.argv) < 3:
    sys.exit(0)

INF, NAN = math.inf, math.nan

def v(a):
    return a.v if isinstance(a, T) else float(a)

def div(a, b):
    if b == 0.0:
        return NAN if a == 0.0 or a != a else math.copysign(INF, a) * math.copysign(1.0, b)
    return a / b

def nanmax(a, b):
    return NAN if a != a or b != b else max(a, b)

def nanmin(a, b):
    return NAN if a != a or b != b else min(a, b)

class T:
    __slots__ = ("v",)
    def __init__(self, x): self.v = float(x)
    def __add__(self, o): return T(self.v + v(o))
    __radd__ = __add__
    def __sub__(self, o): return T(self.v - v(o))
    def __rsub__(self, o): return T(v(o) - self.v)
    def __mul__(self, o): return T(self.v * v(o))
    __rmul__ = __mul__
    def __truediv__(self, o): return T(div(self.v, v(o)))
    def __rtruediv__(self, o): return T(div(v(o), self.v))
    def __neg__(self): return T(-self.v)
    def __pow__(self, n):
        r = self.v
        for _ in range(int(n) - 1): r = r * self.v
        return T(r)
    def clamp_min(self, c): return T(nanmax(self.v, c))
    def expand_as(self, other): return self

def safe(f, overflow):
    def g(a):
        try: return f(a)
        except OverflowError: return overflow(a)
        except ValueError: return NAN
    return g

exp = safe(math.exp, lambda a: INF)
def sigmoid(a): return 1 / (1 + exp(-a)) if a >= 0 else exp(a) / (1 + exp(a))
def softplus(a): return max(a, 0.0) + math.log1p(exp(-abs(a)))
def elu(a, alpha): return a if a > 0 else alpha * (exp(a) - 1)

ops = {
    "abs": abs, "sqrt": lambda a: math.sqrt(a) if a >= 0 else NAN, "log": safe(math.log, lambda a: INF), "exp": exp,
    "sin": safe(math.sin, None), "cos": safe(math.cos, None), "sinh": safe(math.sinh, lambda a: math.copysign(INF, a)),
    "cosh": safe(math.cosh, lambda a: INF), "tanh": math.tanh, "asinh": math.asinh, "atan": math.atan,
    "sinc": lambda t: 1.0 if t == 0 else safe(math.sin, None)(math.pi * t) / (math.pi * t),
    "sigmoid": sigmoid, "erf": math.erf, "relu": lambda a: a if a > 0 else 0.0,
    "sign": lambda a: NAN if a != a else (a > 0) - (a < 0),
}
torch = types.ModuleType("torch")
for name, f in ops.items():
    setattr(torch, name, (lambda f: lambda a: T(f(v(a))))(f))
torch.tensor = lambda x: T(x)
torch.zeros_like = lambda x: T(0.0)
torch.full_like = lambda x, c: T(c)
torch.maximum = lambda a, b: T(nanmax(v(a), v(b)))
torch.minimum = lambda a, b: T(nanmin(v(a), v(b)))
def clamp(a, min=None, max=None):
    r = v(a)
    if min is not None: r = nanmax(r, min)
    if max is not None: r = nanmin(r, max)
    return T(r)
torch.clamp = clamp

F = types.ModuleType("torch.nn.functional")
F.softplus = lambda a: T(softplus(v(a)))
F.gelu = lambda a: T(0.5 * v(a) * (1 + math.erf(v(a) / math.sqrt(2))))
F.silu = lambda a: T(v(a) * sigmoid(v(a)))
F.elu = lambda a, alpha=1.0: T(elu(v(a), alpha))
F.selu = lambda a: T(1.0507009873554804934193349852946 * elu(v(a), 1.6732632423543772848170429916717))
F.leaky_relu = lambda a, negative_slope=0.01: T(v(a) if v(a) >= 0 else negative_slope * v(a))
F.softsign = lambda a: T(v(a) / (1 + abs(v(a))))
F.mish = lambda a: T(v(a) * math.tanh(softplus(v(a))))

nn = types.ModuleType("torch.nn")
class Module:
    def __init__(self): pass
    def register_parameter(self, name, p): object.__setattr__(self, name, p)
    def __call__(self, x): return self.forward(x)
nn.Module = Module
nn.Parameter = lambda t: t
nn.functional = F
torch.nn = nn
sys.modules.update({"torch": torch, "torch.nn": nn, "torch.nn.functional": F})

namespace = {}
exec(compile(source, sys.argv[1], "exec"), namespace)
probes = [float(p) for p in sys.argv[2].split(",")]
for name in namespace["__all__"]:
    layer = namespace[name]()
    print(name, " ".join(repr(v(layer(T(x)))) for x in probes))
""";
}
