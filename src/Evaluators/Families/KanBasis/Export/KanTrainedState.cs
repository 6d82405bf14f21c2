namespace Evaluators.Families.KanBasis.Export;

/// <summary>
/// Checks what a run kept against the network it must load into, and completes items kept before
/// buffers were recorded: their B-spline domains were never moved (the search trains without grid
/// updates), so they get the initial domains, -1 and 1.
/// </summary>
public static class KanTrainedState
{
    /// <exception cref="ArgumentException">A parameter count, tensor name or size that is not the network's, or only some of its buffers.</exception>
    public static KanTrainedValues Complete(KanNetworkPlan plan, KanTrainedValues trained)
    {
        var state = plan.State().ToArray();
        long total = state.Where(s => !s.Buffer).Sum(s => s.Size);
        if (total != trained.Values)
            throw new ArgumentException($"the learned values say {trained.Values} parameter values, but {plan.Genome.Text} at widths [{string.Join(", ", plan.Widths!)}] has {total}");
        if (trained.Tensors is not { } kept) return trained;
        foreach (var name in kept.Keys)
            if (!state.Any(s => s.Name == name)) throw new ArgumentException($"'{name}' is not a parameter or buffer of {plan.Genome.Text} at these widths");
        var tensors = new Dictionary<string, float[]>(kept, StringComparer.Ordinal);
        if (!state.Any(s => s.Buffer && kept.ContainsKey(s.Name)))
            foreach (var s in state.Where(s => s.Buffer))
                tensors[s.Name] = Enumerable.Repeat(Initial(s.Tensor.Init), (int)s.Size).ToArray();
        foreach (var s in state)
            if (!tensors.TryGetValue(s.Name, out var values) || values.Length != s.Size)
                throw new ArgumentException($"'{s.Name}' needs {s.Size} learned values, has {values?.Length ?? 0}");
        return trained with { Tensors = tensors };
    }

    private static float Initial(KanInitKind init) => init switch
    {
        KanInitKind.MinusOnes => -1f,
        KanInitKind.Ones => 1f,
        _ => throw new ArgumentException($"no constant initial value for a {init} buffer", nameof(init)),
    };
}
