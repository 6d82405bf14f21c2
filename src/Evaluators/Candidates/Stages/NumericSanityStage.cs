using System.Globalization;
using Search.Rejection;

namespace Evaluators.Candidates.Stages;

/// <summary>
/// Rejects candidates that are numerically hopeless before any training: non-finite or huge
/// outputs, (near-)constant outputs, and non-finite or exploding input gradients on the probe set.
/// Also fingerprints the outputs for the equivalence stage that follows.
/// </summary>
public sealed class NumericSanityStage(SanitySettings settings) : IRejectionStage<CandidateContext>
{
    public string Name => StageNames.NumericSanity;
    public double EstimatedCostSeconds => 1e-3;

    public StageVerdict Check(CandidateContext candidate)
    {
        candidate.Cancel.ThrowIfCancellationRequested();
        var probe = candidate.RequireCompiled().Probe();
        candidate.Probe = probe;
        candidate.Fingerprint = ProbeFingerprint.Of(probe.Outputs);
        return Problem(probe) is { } reason ? StageVerdict.Reject(reason) : StageVerdict.Pass;
    }

    private string? Problem(ProbeResponse p)
    {
        var (outputs, gradients) = (p.Outputs, p.Gradients);
        int bad = Array.FindIndex(outputs, v => !double.IsFinite(v));
        if (bad >= 0) return $"non-finite output {F(outputs[bad])} at {At(p, bad)}";
        int big = ArgMaxAbs(outputs);
        if (Math.Abs(outputs[big]) > settings.MaxAbsOutput)
            return $"output {F(outputs[big])} at {At(p, big)} exceeds the limit {F(settings.MaxAbsOutput)}";
        double std = StandardDeviation(outputs);
        if (std < settings.MinOutputStd)
            return $"near-constant output: std {F(std)} over {outputs.Length} probes, below {F(settings.MinOutputStd)}";
        bad = Array.FindIndex(gradients, v => !double.IsFinite(v));
        if (bad >= 0) return $"non-finite input gradient {F(gradients[bad])} at {At(p, bad)}";
        big = ArgMaxAbs(gradients);
        if (Math.Abs(gradients[big]) > settings.MaxAbsGradient)
            return $"input gradient {F(gradients[big])} at {At(p, big)} exceeds the limit {F(settings.MaxAbsGradient)}";
        return null;
    }

    private static int ArgMaxAbs(double[] v)
    {
        int best = 0;
        for (int i = 1; i < v.Length; i++) if (Math.Abs(v[i]) > Math.Abs(v[best])) best = i;
        return best;
    }

    private static double StandardDeviation(double[] v)
    {
        double mean = v.Average();
        return Math.Sqrt(v.Sum(a => (a - mean) * (a - mean)) / v.Length);
    }

    // Elementwise families name the probe input; others only have an index.
    private static string At(ProbeResponse p, int i) =>
        p.Inputs.Length == p.Outputs.Length ? $"x = {F(p.Inputs[i])}" : $"probe {i}";

    private static string F(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
