using Search.Core;
using Search.Genomes.KanBasis.Schema;

namespace Search.Genomes.KanBasis;

/// <summary>
/// Variation for kan-basis genomes. A mutation picks one slot (a layer's basis or one node override)
/// and applies one edit: change the basis kind, tweak one hyperparameter within range, add or remove
/// a select candidate, or add / remove a node override. Every result is rebuilt through the
/// canonicalising factories, so it is valid and canonical.
/// </summary>
internal sealed class KanBasisMutator(KanSpace space, KanBasisSampler sampler)
{
    private const int Attempts = 16;

    /// <summary>A mutant that differs from the parent when one exists within a few attempts; otherwise the parent.</summary>
    public KanBasisGenome Mutate(KanBasisGenome parent, Rng rng)
    {
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            int i = rng.NextInt(parent.Layers.Count);
            var layer = parent.Layers[i];
            var edited = EditLayer(i, layer, rng);
            if (edited is null || edited.Text == layer.Text) continue;
            var layers = parent.Layers.ToArray();
            layers[i] = edited;
            return KanBasisGenome.Create(layers);
        }
        return parent;
    }

    /// <summary>Layer-wise uniform crossover: each layer, overrides included, from either parent.</summary>
    public KanBasisGenome Crossover(KanBasisGenome a, KanBasisGenome b, Rng rng)
    {
        if (a.Layers.Count != b.Layers.Count) throw new ArgumentException("parents have different layer counts");
        return KanBasisGenome.Create(a.Layers.Select((l, i) => rng.Chance(0.5) ? l : b.Layers[i]));
    }

    private KanLayer? EditLayer(int index, KanLayer layer, Rng rng)
    {
        if (space.PerNode && rng.Chance(0.25)) return EditOverrides(index, layer, rng);
        // Pick the layer basis or one override, then edit that basis.
        int slot = layer.Overrides.Count > 0 && rng.Chance(0.3) ? rng.NextInt(layer.Overrides.Count) : -1;
        var target = slot < 0 ? layer.Basis : layer.Overrides[slot].Basis;
        var edited = EditBasis(target, rng);
        if (edited is null) return null;
        if (slot < 0) return KanLayer.Create(edited, layer.Overrides);
        var overrides = layer.Overrides.ToArray();
        overrides[slot] = overrides[slot] with { Basis = edited };
        return KanLayer.Create(layer.Basis, overrides);
    }

    private KanLayer? EditOverrides(int index, KanLayer layer, Rng rng)
    {
        bool canAdd = layer.Overrides.Count < Math.Min(space.MaxOverrides, space.Widths[index]);
        if (layer.Overrides.Count > 0 && (!canAdd || rng.Chance(0.5)))
        {
            var kept = layer.Overrides.ToList();
            kept.RemoveAt(rng.NextInt(kept.Count));
            return KanLayer.Create(layer.Basis, kept);
        }
        if (!canAdd) return null;
        var free = Enumerable.Range(0, space.Widths[index]).Where(n => layer.Overrides.All(o => o.Node != n)).ToArray();
        return KanLayer.Create(layer.Basis, layer.Overrides.Append(new KanNodeOverride(rng.Pick(free), sampler.Basis(rng))));
    }

    private Basis? EditBasis(Basis basis, Rng rng) => rng.NextInt(4) switch
    {
        0 => ChangeKind(basis, rng),
        1 => AddCandidate(basis, rng),
        2 => RemoveCandidate(basis, rng),
        _ => Tweak(basis, rng),
    };

    private Basis? ChangeKind(Basis basis, Rng rng)
    {
        var others = space.Allowed.Distinct().Where(k => k != basis.Kind).ToArray();
        return others.Length == 0 ? null : sampler.Of(rng.Pick(others), rng);
    }

    /// <summary>Plain basis -> select(basis, new); select -> one more candidate, while under the limit.</summary>
    private Basis? AddCandidate(Basis basis, Rng rng)
    {
        if (!space.Allowed.Contains(KanBasisKind.Select)) return null;
        var current = basis is SelectBasis s ? s.Candidates : [basis];
        if (current.Count >= space.MaxSelectCandidates) return null;
        return SelectBasis.Create(current.Append(sampler.PlainBasis(rng)));
    }

    /// <summary>Drops one candidate; a select of two becomes the remaining basis.</summary>
    private static Basis? RemoveCandidate(Basis basis, Rng rng)
    {
        if (basis is not SelectBasis s) return null;
        var kept = s.Candidates.ToList();
        kept.RemoveAt(rng.NextInt(kept.Count));
        return SelectBasis.Create(kept);
    }

    private Basis? Tweak(Basis basis, Rng rng)
    {
        if (basis is SelectBasis s)
        {
            var candidates = s.Candidates.ToArray();
            int c = rng.NextInt(candidates.Length);
            if (Tweak(candidates[c], rng) is not { } tweaked) return null;
            candidates[c] = tweaked;
            return SelectBasis.Create(candidates);
        }
        var schema = BasisSchemas.For(basis.Kind);
        var free = Enumerable.Range(0, schema.Params.Count).Where(i => schema.Params[i].IsFree(space)).ToArray();
        if (free.Length == 0) return null;
        int p = rng.Pick(free);
        var values = schema.Values(basis);
        values[p] = Nudge(schema.Params[p], values[p], rng);
        return schema.Build(values);
    }

    /// <summary>Ints step by 1 or 2, reals move on their range's scale, choices jump to another allowed value.</summary>
    private double Nudge(ParamSpec p, double v, Rng rng)
    {
        switch (p.Type)
        {
            case ParamType.Int:
                var r = p.IntRangeOf!(space);
                int step = rng.NextInt(1, 3) * (rng.Chance(0.5) ? 1 : -1);
                int next = r.Clamp((int)v + step);
                return next != (int)v ? next : r.Clamp((int)v - step);
            case ParamType.Real:
                return p.RealRangeOf!(space).Perturb(v, rng);
            default:
                var others = p.AllowedChoices!(space).Where(o => o != (int)v).ToArray();
                return others.Length == 0 ? v : rng.Pick(others);
        }
    }
}
