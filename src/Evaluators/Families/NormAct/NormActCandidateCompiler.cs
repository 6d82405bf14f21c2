using Evaluators.Candidates;
using Search.Genomes.Expressions;
using Search.Genomes.NormAct;

namespace Evaluators.Families.NormAct;

/// <summary>
/// The norm-act family's compiler (EvoNorms); limits and groups come from the search space's
/// <see cref="NormActSpace"/>. Its candidates get the stability stage by default.
/// </summary>
public sealed class NormActCandidateCompiler(NormActSpace? space = null) : ICandidateCompiler
{
    private readonly NormActFamily _family = new(space);

    public string Family => _family.Name;

    public StabilitySettings? DefaultStability => new();

    public ICompiledCandidate Compile(string genomeText)
    {
        var genome = _family.Parse(genomeText);
        return new CompiledNormAct(genome, _family.Space.Groups, LimitProblem(genome));
    }

    /// <summary>The first limit the genome breaks, in words.</summary>
    private string? LimitProblem(NormActGenome genome)
    {
        var s = _family.Space;
        if (!ExprMetrics.ContainsVariable(genome.Root)) return "does not depend on x";
        if (genome.NodeCount > s.MaxNodes) return $"{genome.NodeCount} nodes, limit {s.MaxNodes}";
        if (genome.TreeSize > s.MaxTreeSize) return $"tree size {genome.TreeSize}, limit {s.MaxTreeSize}";
        if (genome.Depth > s.MaxDepth) return $"depth {genome.Depth}, limit {s.MaxDepth}";
        return null;
    }
}
