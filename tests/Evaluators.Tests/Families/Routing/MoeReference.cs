using Evaluators.Families.Routing;
using Search.Genomes.Routing;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Families.Routing;

/// <summary>
/// Layers with fixed router probabilities, and experts run outside the layer, for hand computations.
/// With the router weight the identity (d = E), tau = 1 and a token x = log(q) for a distribution q,
/// the layer's probabilities are softmax(log q) = q.
/// </summary>
public static class MoeReference
{
    /// <summary>A float64 layer with d = E and the identity router.</summary>
    public static MoeLayer IdentityRouted(RoutingGenome genome, long seed = 11)
    {
        manual_seed(seed);
        var layer = new MoeLayer(genome, genome.Experts, 5);
        layer.to(float64);
        using (no_grad()) layer.RouterWeight.copy_(eye(genome.Experts, dtype: float64));
        return layer;
    }

    /// <summary>Tokens (N, E) whose router probabilities under <see cref="IdentityRouted"/> are <paramref name="q"/>.</summary>
    public static Tensor TokensFor(double[][] q) =>
        tensor(q.SelectMany(row => row.Select(v => Math.Log(v))).ToArray(), q.Length, q[0].Length, dtype: float64);

    /// <summary>Expert e on x (N, d) as its own Linear -> GELU -> Linear, outside the layer.</summary>
    public static Tensor Expert(MoeLayer layer, int e, Tensor x)
    {
        var b = layer.Experts;
        var h = nn.functional.gelu(x.matmul(b.W1[e]).add(b.B1[e]));
        return h.matmul(b.W2[e]).add(b.B2[e]);
    }

    /// <summary>sum over (expert, weight) of weight * expert(x_t), per token; the layer's output when nothing is dropped.</summary>
    public static Tensor Mixture(MoeLayer layer, Tensor x, IReadOnlyList<(int Expert, double Weight)[]> routes)
    {
        var y = zeros(x.shape[0], x.shape[1], dtype: float64);
        for (int t = 0; t < routes.Count; t++)
            foreach (var (e, w) in routes[t])
                y[t].add_(Expert(layer, e, x[t].unsqueeze(0)).squeeze(0).mul(w));
        return y;
    }

    /// <summary>The top-p rule by hand: experts by score descending, rank r taken iff r = 0 or the mass before it is &lt; p.</summary>
    public static int[] TopP(double[] probabilities, double[] scores, double p)
    {
        var order = Enumerable.Range(0, probabilities.Length).OrderByDescending(i => scores[i]).ToArray();
        var taken = new List<int>();
        double before = 0;
        foreach (int i in order)
        {
            if (taken.Count > 0 && !(before < p)) break;
            taken.Add(i);
            before += probabilities[i];
        }
        return [.. taken.Order()];
    }

    /// <summary>The top-k rule by hand: the k highest scores.</summary>
    public static int[] TopK(double[] scores, int k) =>
        [.. Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).Take(k).Order()];
}
