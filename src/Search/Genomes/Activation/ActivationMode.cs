namespace Search.Genomes.Activation;

/// <summary>How random activation genomes are shaped (search-space names in brackets).</summary>
public enum ActivationMode
{
    /// <summary>"free": any expression tree over the allowed primitives.</summary>
    Free,
    /// <summary>"core-unit": Ramachandran et al.'s b(u1(x1), u2(x2)) units, repeated; inputs are x or earlier unit outputs.</summary>
    CoreUnit,
    /// <summary>"correction": EAFO's base(x) + @e(0.01) * g(x).</summary>
    Correction,
}

public static class ActivationModes
{
    public static string Name(this ActivationMode mode) => mode switch
    {
        ActivationMode.Free => "free", ActivationMode.CoreUnit => "core-unit", _ => "correction",
    };

    public static ActivationMode Parse(string name) => name switch
    {
        "free" => ActivationMode.Free,
        "core-unit" => ActivationMode.CoreUnit,
        "correction" => ActivationMode.Correction,
        _ => throw new ArgumentException($"unknown activation mode '{name}'; known: free, core-unit, correction", nameof(name)),
    };
}
