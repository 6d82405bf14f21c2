namespace Bench.Fuzz;

/// <summary>What one target's run did: how many inputs, which failed, how long it took.</summary>
public sealed record FuzzReport(string Target, int Inputs, IReadOnlyList<FuzzFailure> Failures, TimeSpan Elapsed);
