using Search.Core;

namespace Search.Genomes.Text;

/// <summary>
/// An inclusive real range of a search-space setting. Values made by operators are rounded to three
/// significant digits and then clamped, so they are short in text and always inside the range.
/// </summary>
public readonly record struct RealRange(double Min, double Max)
{
    public bool Contains(double v) => v >= Min && v <= Max;
    public double Clamp(double v) => Math.Clamp(v, Min, Max);

    /// <summary>Log scale where the range is positive and spans at least a factor of 10.</summary>
    public bool IsLogScale => Min > 0 && Max >= 10 * Min;

    public override string ToString() => $"{CanonicalNumber.Format(Min)}..{CanonicalNumber.Format(Max)}";

    public double Sample(Rng rng)
    {
        double v = IsLogScale ? Math.Exp(rng.Uniform(Math.Log(Min), Math.Log(Max))) : rng.Uniform(Min, Max);
        return Tidy(v);
    }

    /// <summary>A nearby value: multiplicative on a log-scale range, additive (10% of the width) otherwise.</summary>
    public double Perturb(double v, Rng rng)
    {
        double next = IsLogScale || (Min > 0 && v > 0)
            ? v * Math.Exp(0.3 * rng.Normal())
            : v + 0.1 * (Max - Min) * rng.Normal();
        return Tidy(next);
    }

    public double Tidy(double v) => Clamp(CanonicalNumber.RoundSignificant(Clamp(v)));

    public void Validate(string name)
    {
        if (!double.IsFinite(Min) || !double.IsFinite(Max) || Min > Max)
            throw new ArgumentException($"range '{name}' is empty or not finite ({this})", name);
    }
}
