using MessagePack;
using Search.Core;

namespace Search.Strategies;

/// <summary>
/// The baseline every search must beat: each proposal is a fresh random genome. Results do not
/// steer it; it keeps the last <see cref="PopulationSize"/> individuals only for reports.
/// </summary>
public sealed class RandomSearch<TGenome>(int populationSize = 100) : IStrategy<TGenome> where TGenome : IGenome
{
    private readonly Queue<Individual<TGenome>> _recent = new();
    private int _told;

    public string Name => "random";
    public int PopulationSize { get; } = populationSize > 0 ? populationSize : throw new ArgumentOutOfRangeException(nameof(populationSize));
    public IReadOnlyList<Individual<TGenome>> Population => _recent.ToArray();
    public int Generation => _told / PopulationSize;

    public IReadOnlyList<TGenome> Propose(int max, StrategyContext<TGenome> context)
    {
        var genomes = new TGenome[max];
        for (int i = 0; i < max; i++) genomes[i] = context.Family.Random(context.Rng);
        return genomes;
    }

    public void Tell(Individual<TGenome> individual, StrategyContext<TGenome> context)
    {
        _told++;
        _recent.Enqueue(individual);
        if (_recent.Count > PopulationSize) _recent.Dequeue();
    }

    public byte[] SaveState() => MessagePackSerializer.Serialize(new RandomSearchState(
        _told, _recent.Select(i => new SavedIndividual(i.Id, i.Genome.Text, i.Result)).ToArray()));

    public void LoadState(byte[] state, StrategyContext<TGenome> context)
    {
        var s = MessagePackSerializer.Deserialize<RandomSearchState>(state);
        var restored = s.Recent.Select(r => new Individual<TGenome>(r.Id, context.Family.Parse(r.Genome), r.Result,
            context.Objectives.ToMinimized(r.Result.Status == EvaluationStatus.Accepted ? r.Result.Objectives : null))).ToArray();
        _recent.Clear();
        foreach (var i in restored) _recent.Enqueue(i);
        _told = s.Told;
    }
}

[MessagePackObject]
public sealed record RandomSearchState([property: Key(0)] int Told, [property: Key(1)] SavedIndividual[] Recent);

[MessagePackObject]
public sealed record SavedIndividual([property: Key(0)] long Id, [property: Key(1)] string Genome, [property: Key(2)] EvaluationResult Result);
