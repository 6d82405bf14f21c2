using Search.Core;
using Search.Genomes.RealVector;

namespace Search.Tests;

/// <summary>Test individuals: genome [id] and the given minimised objectives; null objectives make a failed one.</summary>
internal static class Make
{
    public static Individual<RealVector> Ind(long id, params double[]? objectives) =>
        objectives is null
            ? new(id, new RealVector([id]), EvaluationResult.Fail("boom"), [double.PositiveInfinity, double.PositiveInfinity])
            : new(id, new RealVector([id]), EvaluationResult.Accept(objectives), objectives);

    public static Individual<RealVector> Failed(long id) => Ind(id, null);

    public static Dictionary<long, int> Counts(IEnumerable<Individual<RealVector>> picks) =>
        picks.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.Count());
}
