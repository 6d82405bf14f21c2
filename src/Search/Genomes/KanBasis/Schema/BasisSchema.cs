namespace Search.Genomes.KanBasis.Schema;

/// <summary>How one plain basis kind maps to text: name, parameters in canonical order, and the typed record.</summary>
internal sealed record BasisSchema(
    KanBasisKind Kind,
    string Name,
    IReadOnlyList<ParamSpec> Params,
    Func<double[], Basis> Build,
    Func<Basis, double[]> Values)
{
    public double[] Defaults => Params.Select(p => p.Default).ToArray();
}
