namespace Evaluators.Candidates.Fakes;

/// <summary>What <see cref="SyntheticEvaluator"/> does instead of evaluating a listed genome: the poison cases a host must survive.</summary>
public enum InjectedFault
{
    /// <summary>Throws <see cref="InjectedFaultException"/> out of Evaluate.</summary>
    Throw,
    /// <summary>Blocks until the job is cancelled, then throws OperationCanceledException (a stuck evaluation).</summary>
    Hang,
    /// <summary>Ends the whole process with exit code <see cref="SyntheticSettings.CrashExitCode"/> (a native crash); multi-process tests only.</summary>
    ExitProcess,
}

/// <summary>The exception an injected <see cref="InjectedFault.Throw"/> raises.</summary>
public sealed class InjectedFaultException(string genomeText)
    : Exception($"injected fault for genome '{genomeText}'")
{
    public string GenomeText { get; } = genomeText;
}
