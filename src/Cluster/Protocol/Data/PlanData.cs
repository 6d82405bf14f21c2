using Evaluators.Candidates;
using MessagePack;

namespace Cluster.Protocol.Data;

/// <summary>
/// A job's <see cref="EvaluationPlan"/> with fixed keys, so renaming a plan property does not change
/// the wire format. A property added to the plan must be added here too (a test compares the two).
/// </summary>
[MessagePackObject]
public sealed record PlanData(
    [property: Key(0)] string[] Tasks,
    [property: Key(1)] int Seeds,
    [property: Key(2)] int? Epochs,
    [property: Key(3)] int? TrainSubset,
    [property: Key(4)] string[] Objectives,
    [property: Key(5)] SanityData Sanity,
    [property: Key(6)] HurdleData? Hurdle,
    [property: Key(7)] StabilityData? Stability,
    [property: Key(8)] bool EquivalenceCache,
    [property: Key(9)] CsvData? Csv = null,
    [property: Key(10)] bool? UnitGain = null)
{
    public static PlanData From(EvaluationPlan p) => new([.. p.Tasks], p.Seeds, p.Epochs, p.TrainSubset, [.. p.Objectives],
        SanityData.From(p.Sanity), p.Hurdle is { } h ? HurdleData.From(h) : null, p.Stability is { } s ? StabilityData.From(s) : null,
        p.EquivalenceCache, p.Csv is { } c ? CsvData.From(c) : null, p.UnitGain);

    public EvaluationPlan ToDomain() => new()
    {
        Tasks = Tasks, Seeds = Seeds, Epochs = Epochs, TrainSubset = TrainSubset, Objectives = Objectives,
        Sanity = Sanity.ToDomain(), Hurdle = Hurdle?.ToDomain(), Stability = Stability?.ToDomain(), EquivalenceCache = EquivalenceCache,
        Csv = Csv?.ToDomain(), UnitGain = UnitGain,
    };
}
