using Search.Core;
using Search.Engine;
using Search.Genomes.RealVector;
using Search.Strategies;

namespace Search.Tests.State;

/// <summary>The same resume proof with the real aging-evolution strategy and real-vector family, results told in reverse.</summary>
public sealed class AgingResumeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agingresume-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly RealVectorFamily Family = new([0, 0, 0], [1, 1, 1]);
    private static readonly ObjectiveSet Objectives = ObjectiveSet.Minimize("f1", "f2");
    private static readonly EngineSettings Settings = new(Seed: 9, Lookahead: 8);

    private static SearchEngine<RealVector> Create() => new(Family, new AgingEvolution<RealVector>(new AgingOptions(20, 5)), Objectives, Settings);

    private static void Run(SearchEngine<RealVector> engine, int rounds)
    {
        for (int r = 0; r < rounds; r++)
            foreach (var p in engine.Ask(6).Reverse())
                engine.Tell(p.Id, EvaluationResult.Accept(p.Genome[0], 1 - Math.Sqrt(p.Genome[0]) + p.Genome[1] + p.Genome[2]));
    }

    [Fact]
    public void Aging_evolution_resumed_from_a_file_continues_exactly()
    {
        var straight = Create();
        Run(straight, 40);
        var first = Create();
        Run(first, 20);
        string path = Path.Combine(_dir, "aging.state");
        first.Save(path);
        var resumed = SearchEngine<RealVector>.Restore(path, Family, new AgingEvolution<RealVector>(new AgingOptions(20, 5)), Objectives, Settings);
        Run(resumed, 20);

        Assert.Equal(straight.SaveBytes(), resumed.SaveBytes());
        Assert.Equal(straight.Archive.Entries.Select(e => e.Genome), resumed.Archive.Entries.Select(e => e.Genome));
        Assert.True(straight.Archive.Entries.Count >= 200);
    }
}
