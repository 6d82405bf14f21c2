using Search.Core;
using Search.Engine;
using Search.Genomes.RealVector;

namespace Search.Problems;

/// <summary>
/// The non-dominated set of every feasible evaluation of a run, kept one result at a time the way
/// the engine's <see cref="Archive{TGenome}"/> keeps the front it reports to users (same insertion
/// rule: dominated or equal points are dropped). The strategy's population forgets good points it
/// crowds out; this does not.
/// </summary>
public sealed class EvaluationArchive
{
    private readonly List<double[]> _front = [];

    /// <summary>Minimised objective vectors, oldest first.</summary>
    public IReadOnlyList<double[]> Front => _front;

    public long Told { get; private set; }

    public void Add(Individual<RealVector> individual)
    {
        Told++;
        if (individual.IsFeasible) IncrementalFront.Insert(_front, individual.Minimized, p => p);
    }
}
