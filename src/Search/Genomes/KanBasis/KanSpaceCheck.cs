using Search.Genomes.KanBasis.Schema;

namespace Search.Genomes.KanBasis;

/// <summary>Whether a genome lies inside a <see cref="KanSpace"/>; used by tests and by callers that build genomes by hand.</summary>
public static class KanSpaceCheck
{
    /// <summary>Null when the genome is inside the space, else what is wrong first.</summary>
    public static string? Violation(KanSpace space, KanBasisGenome genome)
    {
        if (genome.Layers.Count != space.Layers) return $"has {genome.Layers.Count} layers, the space {space.Layers}";
        for (int i = 0; i < genome.Layers.Count; i++)
        {
            var layer = genome.Layers[i];
            if (Violation(space, layer.Basis) is { } v) return $"layer {i}: {v}";
            if (layer.Overrides.Count == 0) continue;
            if (!space.PerNode) return $"layer {i}: per-node overrides are off";
            if (layer.Overrides.Count > space.MaxOverrides) return $"layer {i}: more than {space.MaxOverrides} overrides";
            foreach (var o in layer.Overrides)
            {
                if (o.Node < 0 || o.Node >= space.Widths[i]) return $"layer {i}: node {o.Node} outside 0..{space.Widths[i] - 1}";
                if (Violation(space, o.Basis) is { } ov) return $"layer {i} node {o.Node}: {ov}";
            }
        }
        return null;
    }

    public static string? Violation(KanSpace space, Basis basis)
    {
        if (!space.Allowed.Contains(basis.Kind)) return $"basis '{BasisSchemas.KindNames[basis.Kind]}' not allowed";
        if (basis is SelectBasis s)
        {
            if (s.Candidates.Count > space.MaxSelectCandidates) return $"more than {space.MaxSelectCandidates} select candidates";
            return s.Candidates.Select(c => Violation(space, c)).FirstOrDefault(v => v is not null);
        }
        // Not a matter of ranges: no space may hold it (KanSpace.Validate refuses such a range).
        if (basis is RbfBasis { Centers: < RbfBasis.MinCenters } rbf)
            return $"rbf centers={rbf.Centers}: expected at least {RbfBasis.MinCenters} ({RbfBasis.CentersRule})";
        var schema = BasisSchemas.For(basis.Kind);
        var values = schema.Values(basis);
        for (int i = 0; i < values.Length; i++)
            if (!schema.Params[i].Admits(space, values[i])) return $"{schema.Params[i].Key}={values[i]} outside the space";
        return null;
    }
}
