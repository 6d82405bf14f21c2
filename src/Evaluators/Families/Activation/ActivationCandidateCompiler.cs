using Evaluators.Candidates;
using Search.Genomes.Activation;
using Search.Genomes.Expressions;

namespace Evaluators.Families.Activation;

/// <summary>The activation family's compiler; limits come from the search space's <see cref="ActivationSpace"/>.</summary>
public sealed class ActivationCandidateCompiler(ActivationSpace? space = null) : ICandidateCompiler
{
    private readonly ActivationFamily _family = new(space);

    public string Family => _family.Name;

    public ICompiledCandidate Compile(string genomeText)
    {
        var genome = _family.Parse(genomeText);
        return new CompiledActivation(genome, LimitProblem(genome));
    }

    /// <summary>The first limit the genome breaks, in words, checked in the order a user would fix them.</summary>
    private string? LimitProblem(ActivationGenome genome)
    {
        var s = _family.Space;
        if (!ExprMetrics.ContainsVariable(genome.Root)) return "does not depend on x";
        if (genome.NodeCount > s.MaxNodes) return $"{genome.NodeCount} nodes, limit {s.MaxNodes}";
        if (genome.Depth > s.MaxDepth) return $"depth {genome.Depth}, limit {s.MaxDepth}";
        if (ExprMetrics.HasConflictingLearnables(genome.Root)) return "a learnable name has two initial values";
        return _family.IsWithinLimits(genome) ? null : $"not of the {s.Mode} mode's shape";
    }
}
