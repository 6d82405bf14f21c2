using Evaluators.Candidates;
using Search.Genomes.KanBasis;

namespace Evaluators.Families.KanBasis;

/// <summary>
/// The kan-basis family's compiler; the space (layers, allowed bases, ranges) comes from the run's <see cref="KanSpace"/>.
/// Also compiles the family's MLP baseline by its name (<see cref="EqualParameterMlp"/>), so spaces can list it among baselines.
/// </summary>
public sealed class KanCandidateCompiler(KanSpace space) : ICandidateCompiler
{
    private readonly KanBasisFamily _family = new(space);

    public string Family => _family.Name;

    public ICompiledCandidate Compile(string genomeText)
    {
        if (genomeText == EqualParameterMlp.BuiltinName) return new CompiledMlpBaseline();
        var genome = _family.Parse(genomeText);
        return new CompiledKan(genome, KanSpaceCheck.Violation(_family.Space, genome));
    }
}
