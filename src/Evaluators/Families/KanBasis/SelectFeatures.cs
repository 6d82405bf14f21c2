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
        // Candidate c's features go to their columns by a product with rows of the identity (exact for finite
        // values; faster than concatenating along the short last axis), then one scale per (node, column),
        // broadcast over the batch (the outer axis).
        var identity = eye(Count, dtype: x.dtype, device: x.device);
        Tensor? all = null;
        var columnOwner = new long[Count];
        int offset = 0;
        for (int k = 0; k < Candidates.Count; k++)
        {
            int c = Candidates[k].Count;
            var f = Candidates[k].Compute(x).reshape(-1, c);
            var place = identity.narrow(0, offset, c);
            all = all is null ? f.mm(place) : all.addmm(f, place);
            for (int j = 0; j < c; j++) columnOwner[offset + j] = k;
            offset += c;
        }
        var scale = weights.index_select(1, tensor(columnOwner, device: x.device)); // (n, C)
        return all!.reshape([.. x.shape, Count]).mul(scale).MoveToOuterDisposeScope();
    }

    public Tensor InitialWeight(long outFeatures, long nodes, int layerInputs)
    {
        using var scope = NewDisposeScope();
        return cat(Candidates.Select(c => c.InitialWeight(outFeatures, nodes, layerInputs)).ToList(), -1).MoveToOuterDisposeScope();
    }
}
