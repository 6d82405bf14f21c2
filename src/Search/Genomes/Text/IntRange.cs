namespace Search.Genomes.Text;

/// <summary>An inclusive integer range of a search-space setting.</summary>
public readonly record struct IntRange(int Min, int Max)
{
    public bool Contains(int v) => v >= Min && v <= Max;
    public int Clamp(int v) => Math.Clamp(v, Min, Max);
    public override string ToString() => $"{CanonicalNumber.Format(Min)}..{CanonicalNumber.Format(Max)}";

    public void Validate(string name)
    {
        if (Min > Max) throw new ArgumentException($"range '{name}' is empty ({this})", name);
    }
}
