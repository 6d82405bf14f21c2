using Search.Genomes.Routing;

namespace Evaluators.Families.Routing;

/// <summary>
/// The softmax temperature of a gate at a training step: the genome's fixed <c>tau</c>, or for
/// dense-to-sparse its schedule at t = min(step / steps, 1): linear start + (end - start) t,
/// cosine end + (start - end)(1 + cos(pi t)) / 2, exp start (end / start)^t.
/// </summary>
public static class GateTemperature
{
    public static double At(RoutingGenome genome, int step)
    {
        ArgumentNullException.ThrowIfNull(genome);
        if (genome.Schedule is not { } s) return genome.Temperature ?? 1.0;
        double t = Math.Clamp((double)Math.Max(step, 0) / s.Steps, 0.0, 1.0);
        return s.Kind switch
        {
            ScheduleKind.Linear => s.Start + (s.End - s.Start) * t,
            ScheduleKind.Cosine => s.End + (s.Start - s.End) * (1 + Math.Cos(Math.PI * t)) / 2,
            ScheduleKind.Exp => s.Start * Math.Pow(s.End / s.Start, t),
            _ => throw new ArgumentOutOfRangeException(nameof(genome), s.Kind, "unknown schedule kind"),
        };
    }
}
