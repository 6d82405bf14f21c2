namespace Evaluators.Candidates.Fakes;

/// <summary>
/// The fixed task of <see cref="SyntheticEvaluator"/>: fit <see cref="Target"/> on a grid over
/// [<see cref="Low"/>, <see cref="High"/>]. Plain data, so test hosts can ship it to worker processes.
/// </summary>
public sealed record SyntheticSettings
{
    /// <summary>The target function, as activation text.</summary>
    public string Target { get; init; } = "silu(x)";
    public double Low { get; init; } = -3;
    public double High { get; init; } = 3;
    public int Points { get; init; } = 61;

    /// <summary>Gaussian noise on the accuracies, drawn from the job's seed (so still deterministic); 0 = none.</summary>
    public double NoiseStd { get; init; }

    /// <summary>Wall time every evaluation that gets past the probe stages takes (honours cancellation).</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.Zero;

    /// <summary>Faults by genome text (matched against the job's text and the canonical text).</summary>
    public IReadOnlyDictionary<string, InjectedFault> Faults { get; init; } = new Dictionary<string, InjectedFault>();

    public int CrashExitCode { get; init; } = 86;
}
