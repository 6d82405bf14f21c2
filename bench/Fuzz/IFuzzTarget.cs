using Search.Core;

namespace Bench.Fuzz;

/// <summary>
/// One parser or reader under fuzz. Inputs are bytes (text targets read them as UTF-8) so every
/// target shares the same mutations; <see cref="Valid"/> seeds them with well-formed inputs.
/// </summary>
public interface IFuzzTarget
{
    string Name { get; }

    /// <summary>A well-formed input drawn from <paramref name="rng"/>.</summary>
    byte[] Valid(Rng rng);

    /// <summary>Fragments worth splicing into inputs (keywords, delimiters, edge-case numbers).</summary>
    IReadOnlyList<byte[]> Tokens { get; }

    /// <summary>Feeds one input to the code under test; returns normally or throws.</summary>
    void Run(byte[] input);

    /// <summary>Whether <paramref name="e"/> is one the entry point documents for bad input.</summary>
    bool IsDocumented(Exception e);
}
