using Search.Core;

namespace Search.MultiObjective.PerArchitecture;

/// <summary>
/// Per-architecture Pareto fronts of a multi-task archive (EvoNorms reports each architecture
/// separately). Objectives are grouped by the task of their plan metric, "metric@task" (e.g.
/// validation_accuracy@fmnist-resnet); an objective without a task (an average over tasks, or
/// parameters) belongs to no architecture and is left out. Entries with null objectives (rejected,
/// failed) or a NaN on the group's objectives are not candidates for that group's front.
/// </summary>
public static class ArchitectureFronts
{
    /// <summary>The architecture (task) of a plan metric: the part after '@', or null.</summary>
    public static string? ArchitectureOf(string metric)
    {
        int at = metric.IndexOf('@', StringComparison.Ordinal);
        return at < 0 || at == metric.Length - 1 ? null : metric[(at + 1)..];
    }

    /// <param name="objectives">The search's objectives (directions).</param>
    /// <param name="metrics">Each objective's plan metric, in the same order.</param>
    /// <param name="archive">Objective values per archive entry (natural direction), null when not accepted.</param>
    /// <param name="baseline">A baseline's values on all objectives (e.g. BN-ReLU's), or null.</param>
    /// <returns>One front per architecture, in order of first appearance in <paramref name="metrics"/>.</returns>
    public static IReadOnlyList<ArchitectureFront> Of(ObjectiveSet objectives, IReadOnlyList<string> metrics,
        IReadOnlyList<IReadOnlyList<double>?> archive, IReadOnlyList<double>? baseline = null)
    {
        if (metrics.Count != objectives.Count)
            throw new ArgumentException($"{metrics.Count} metrics for {objectives.Count} objectives", nameof(metrics));
        if (baseline is not null && baseline.Count != objectives.Count)
            throw new ArgumentException($"a baseline of {baseline.Count} values for {objectives.Count} objectives", nameof(baseline));
        foreach (var entry in archive)
            if (entry is not null && entry.Count != objectives.Count)
                throw new ArgumentException($"an archive entry of {entry.Count} values for {objectives.Count} objectives", nameof(archive));

        var groups = new List<(string Name, List<int> Indices)>();
        for (int i = 0; i < metrics.Count; i++)
        {
            if (ArchitectureOf(metrics[i]) is not { } name) continue;
            var group = groups.Find(g => g.Name == name);
            if (group.Indices is null) groups.Add((name, [i]));
            else group.Indices.Add(i);
        }
        return groups.Select(g => Front(objectives, g.Name, g.Indices, archive, baseline)).ToArray();
    }

    private static ArchitectureFront Front(ObjectiveSet objectives, string name, List<int> indices,
        IReadOnlyList<IReadOnlyList<double>?> archive, IReadOnlyList<double>? baseline)
    {
        double[] Minimized(IReadOnlyList<double> values) => indices.Select(i => objectives.Items[i].ToMinimized(values[i])).ToArray();

        var candidates = Enumerable.Range(0, archive.Count)
            .Where(e => archive[e] is { } v && indices.All(i => !double.IsNaN(v[i])))
            .ToArray();
        var points = candidates.Select(e => (IReadOnlyList<double>)Minimized(archive[e]!)).ToArray();
        var baseMin = baseline is null ? null : Minimized(baseline);
        var members = ParetoFront.Indices(points).Select(k =>
        {
            var values = indices.Select(i => archive[candidates[k]]![i]).ToArray();
            var min = (double[])points[k];
            var gains = baseMin is null ? indices.Select(_ => double.NaN).ToArray() : min.Select((m, j) => baseMin[j] - m).ToArray();
            return new FrontMember(candidates[k], values, gains,
                baseMin is not null && Dominance.Dominates(min, baseMin),
                baseMin is not null && Dominance.Dominates(baseMin, min));
        }).ToArray();
        return new ArchitectureFront(name, indices, baseline is null ? null : indices.Select(i => baseline[i]).ToArray(), members);
    }
}
