using Evaluators.Candidates;
using Search.Genomes.Routing;

namespace Evaluators.Families.Routing;

/// <summary>The routing family's compiler; ranges and allowed gates come from the run's <see cref="RoutingSpace"/>.</summary>
public sealed class RoutingCandidateCompiler(RoutingSpace space) : ICandidateCompiler
{
    private readonly RoutingFamily _family = new(space);

    public string Family => _family.Name;

    public ICompiledCandidate Compile(string genomeText)
    {
        var genome = _family.Parse(genomeText);
        return new CompiledRouting(genome, RoutingSpaceCheck.Violation(_family.Space, genome));
    }
}
