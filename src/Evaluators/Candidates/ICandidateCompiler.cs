namespace Evaluators.Candidates;

/// <summary>
/// One genome family's way into the evaluator: parses genome text and compiles it into what the
/// stages need (a slot filler, a probe, a reader of learned scalars). Adding a family to the
/// evaluator means adding one of these; the stages and training are shared.
/// </summary>
public interface ICandidateCompiler
{
    /// <summary>The family name jobs carry (<see cref="EvaluationJob.Family"/>), e.g. "activation".</summary>
    string Family { get; }

    /// <summary>Parses and canonicalises the text.</summary>
    /// <exception cref="FormatException">The text does not parse (Search.Core.GenomeParseException).</exception>
    /// <exception cref="ArgumentException">The text parses but cannot be a genome of this family.</exception>
    ICompiledCandidate Compile(string genomeText);
}
