using Search.Core;

namespace Search.Rejection;

/// <summary>
/// Size/depth limits on the genome itself, checked by the engine before a proposal is handed
/// out. The check returns a reason to reject, or null to pass.
/// </summary>
public sealed class StructuralValidityStage<TGenome>(Func<TGenome, string?> check) : IRejectionStage<TGenome>
    where TGenome : IGenome
{
    public string Name => StageNames.Structural;
    public double EstimatedCostSeconds => 0;

    public StageVerdict Check(TGenome candidate) => check(candidate) is { } reason ? StageVerdict.Reject(reason) : StageVerdict.Pass;

    /// <summary>Rejects genomes whose canonical text is longer than <paramref name="maxChars"/>: a size limit every family has.</summary>
    public static StructuralValidityStage<TGenome> MaxTextLength(int maxChars) =>
        new(g => g.Text.Length > maxChars ? $"genome text has {g.Text.Length} characters, limit {maxChars}" : null);
}
