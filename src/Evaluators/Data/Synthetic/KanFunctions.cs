namespace Evaluators.Data.Synthetic;

/// <summary>The KAN paper's toy regression targets (Liu et al. 2024, function-fitting section).</summary>
public static class KanFunctions
{
    public static readonly KanFunction BesselJ0 = new("kan-bessel", 1, "J0(20x)", x => Bessel.J0(20 * x[0]));

    public static readonly KanFunction ExpSin = new("kan-expsin", 2, "exp(sin(pi x) + y^2)",
        x => Math.Exp(Math.Sin(Math.PI * x[0]) + x[1] * x[1]));

    public static readonly KanFunction Product = new("kan-xy", 2, "x y", x => x[0] * x[1]);

    public static readonly KanFunction Mean100d = new("kan-100d", 100, "exp(mean_i sin^2(pi x_i / 2))", x =>
    {
        double sum = 0;
        foreach (double v in x) { double s = Math.Sin(Math.PI * v / 2); sum += s * s; }
        return Math.Exp(sum / x.Length);
    });

    public static readonly KanFunction FourD = new("kan-4d", 4,
        "exp(0.5 (sin(pi (x1^2 + x2^2)) + sin(pi (x3^2 + x4^2))))",
        x => Math.Exp(0.5 * (Math.Sin(Math.PI * (x[0] * x[0] + x[1] * x[1]))
                           + Math.Sin(Math.PI * (x[2] * x[2] + x[3] * x[3])))));

    public static IReadOnlyList<KanFunction> All { get; } = [BesselJ0, ExpSin, Product, Mean100d, FourD];

    public static KanFunction? Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
