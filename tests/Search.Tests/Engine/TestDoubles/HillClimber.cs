using MessagePack;
using Search.Core;

namespace Search.Tests.Engine.TestDoubles;

/// <summary>
/// A tiny deterministic strategy whose proposals depend on the results and their order:
/// mutate the best individual so far (first objective), or propose random genomes before any
/// result is accepted. Draws from the shared generator, so the RNG state matters too.
/// </summary>
public sealed class HillClimber(string name = "hill") : IStrategy<DigitGenome>
{
    private Individual<DigitGenome>? _best;
    private int _told;

    public string Name => name;
    public IReadOnlyList<Individual<DigitGenome>> Population => _best is null ? [] : [_best];
    public int Generation => _told;

    public IReadOnlyList<DigitGenome> Propose(int max, StrategyContext<DigitGenome> context) =>
        Enumerable.Range(0, max).Select(_ => _best is null ? context.Family.Random(context.Rng) : context.Family.Mutate(_best.Genome, context.Rng)).ToArray();

    public void Tell(Individual<DigitGenome> individual, StrategyContext<DigitGenome> context)
    {
        _told++;
        if (individual.IsFeasible && (_best is null || individual.Minimized[0] < _best.Minimized[0])) _best = individual;
    }

    public byte[] SaveState() => MessagePackSerializer.Serialize(
        new HillState(_told, _best?.Id ?? -1, _best?.Genome.Text, _best?.Result));

    public void LoadState(byte[] state, StrategyContext<DigitGenome> context)
    {
        var s = MessagePackSerializer.Deserialize<HillState>(state);
        _told = s.Told;
        _best = s.BestText is null ? null
            : new Individual<DigitGenome>(s.BestId, context.Family.Parse(s.BestText), s.BestResult!, context.Objectives.ToMinimized(s.BestResult!.Objectives));
    }
}

[MessagePackObject]
public sealed record HillState([property: Key(0)] int Told, [property: Key(1)] long BestId,
    [property: Key(2)] string? BestText, [property: Key(3)] EvaluationResult? BestResult);
