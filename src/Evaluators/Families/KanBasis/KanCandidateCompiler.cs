using Evaluators.Candidates;
using Search.Genomes.KanBasis;

namespace Evaluators.Families.KanBasis;

/// <summary>The kan-basis family's compiler; the space (layers, allowed bases, ranges) comes from the run's <see cref="KanSpace"/>.</summary>
public sealed class KanCandidateCompiler(KanSpace space) : ICandidateCompiler
{
    private readonly KanBasisFamily _family = new(space);

    public string Family => _family.Name;

    public ICompiledCandidate Compile(string genomeText)
    {
        var genome = _family.Parse(genomeText);
        return new CompiledKan(genome, KanSpaceCheck.Violation(_family.Space, genome));
    }
}
