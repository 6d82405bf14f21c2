using static TorchSharp.torch;

namespace Evaluators.Families.KanBasis;

/// <summary>
/// S-KAN select: every candidate's features side by side, candidate c of node i scaled by
/// softmax(select_logits[i])_c (logits start at 0: equal weights).
/// </summary>
public sealed class SelectFeatures : IKanFeatures
{
    private readonly IKanParameters _parameters;
    private readonly string _logits;

    public SelectFeatures(IReadOnlyList<IKanFeatures> candidates, long nodes, string suffix, IKanParameters parameters)
    {
        Candidates = candidates;
        _parameters = parameters;
        _logits = "select_logits" + suffix;
        parameters.Add(_logits, zeros(nodes, candidates.Count));
    }

    public IReadOnlyList<IKanFeatures> Candidates { get; internal set; }

    public int Count => Candidates.Sum(c => c.Count);

    public Tensor Compute(Tensor x)
    {
        using var scope = NewDisposeScope();
        var weights = _parameters[_logits].softmax(-1); // (n, K)
        var parts = Candidates.Select((c, k) => c.Compute(x).mul(weights.select(1, k).unsqueeze(-1))).ToList();
        return cat(parts, -1).MoveToOuterDisposeScope();
    }

    public Tensor InitialWeight(long outFeatures, long nodes, int layerInputs)
    {
        using var scope = NewDisposeScope();
        return cat(Candidates.Select(c => c.InitialWeight(outFeatures, nodes, layerInputs)).ToList(), -1).MoveToOuterDisposeScope();
    }
}
