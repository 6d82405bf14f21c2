using Search.Rejection;

namespace Evaluators.Candidates.Stages;

/// <summary>Parses the genome with its family and checks the space's limits; costs nothing worth counting.</summary>
public sealed class StructuralStage(ICandidateCompiler compiler) : IRejectionStage<CandidateContext>
{
    public string Name => StageNames.Structural;
    public double EstimatedCostSeconds => 0;

    public StageVerdict Check(CandidateContext candidate)
    {
        candidate.Cancel.ThrowIfCancellationRequested();
        try
        {
            candidate.Compiled = compiler.Compile(candidate.Job.GenomeText);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return StageVerdict.Reject($"does not parse: {e.Message}");
        }
        return candidate.Compiled.LimitProblem is { } problem ? StageVerdict.Reject(problem) : StageVerdict.Pass;
    }
}
