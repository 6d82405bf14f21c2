using Cluster.Hosting;
using Evaluators.Candidates.Fakes;
using Cluster.Spaces;
using Search.Core;
using Search.Engine;
using Search.Reinsertion;
using Search.Selection;
using Search.Strategies;

namespace Cluster.Tests.Spaces;

/// <summary>Spaces with the genetic and random strategies: what loads, what it builds, and what is refused where.</summary>
public sealed class GeneticSpaceTests
{
    // Lines 9-13 of the space; the rest of SpaceFiles.Valid follows.
    private const string Genetic =
        "  name: genetic\n" +
        "  population: 8\n" +
        "  selection: { name: tournament, size: 3 }\n" +
        "  reinsertion: { name: elitist, elites: 2 }\n" +
        "  termination: { any: [ { generations: 3 }, { stagnation: 10 } ] }";

    private static string Space(string strategy) => SpaceFiles.Valid.Replace("  name: aging\n  population: 8\n  sample: 3", strategy);

    private static string GeneticWithLine(int line, string replacement)
    {
        var lines = Genetic.Split('\n');
        lines[line - 9] = replacement;
        return Space(string.Join('\n', lines));
    }

    [Fact]
    public void A_genetic_space_builds_its_operators_and_stops_by_its_termination()
    {
        var space = SpaceFiles.Load(Space(Genetic + "\n  crossover: 0.8\n  mutation: 0.9"));
        Assert.Equal("genetic", space.StrategyName);
        var strategy = Assert.IsType<GeneticAlgorithm<IGenome>>(space.CreateStrategy());
        Assert.Equal(new GeneticOptions(8, null, 0.8, 0.9), strategy.Options);
        Assert.Equal(3, Assert.IsType<TournamentSelection<IGenome>>(strategy.Selection).Size);
        Assert.Equal(2, Assert.IsType<ElitistReinsertion<IGenome>>(strategy.Reinsertion).EliteCount);

        // Three generations of 8, then nothing more to propose.
        var engine = new SearchEngine<IGenome>(space.Family, strategy, space.Objectives, space.Engine with { MaxEvaluations = 1000 });
        int told = 0;
        for (var batch = engine.Ask(5); batch.Count > 0; batch = engine.Ask(5))
            foreach (var p in batch) { engine.Tell(p.Id, EvaluationResult.Accept(p.Genome.Text.Length)); told++; }
        Assert.Equal(24, told);
        Assert.True(strategy.Terminated);
    }

    [Fact]
    public async Task A_genetic_run_on_the_cluster_ends_when_its_termination_is_met()
    {
        // Budget 1000, termination after 3 generations of 8: the run completes at 24 evaluations.
        var space = SpaceFiles.Load(Space(Genetic).Replace("max_evaluations: 20", "max_evaluations: 1000"));
        var options = new RunOptions
        {
            RunDirectory = Support.TestRuns.TempDir("genetic-run"), Workers = 2, Evaluator = _ => new NoOpEvaluator(),
            Store = new StoreOptions.InMemory(),
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var result = await SearchRunner.RunLocal(space, options, null, timeout.Token);
        Assert.True(result.Completed, $"{result.Status.Done} done, in flight {result.Status.InFlight}");
        Assert.Equal(24, result.Status.Done);
        Assert.True(result.Status.IsDone);
    }

    [Theory]
    [InlineData("  name: genetic", "tournament", "elitist")]
    [InlineData("  name: genetic\n  selection: roulette\n  reinsertion: pure", "roulette", "pure")]
    [InlineData("  name: genetic\n  selection: {name: truncation, fraction: 0.3}\n  reinsertion: {name: fitness-based}", "truncation", "fitness-based")]
    public void Operators_may_be_a_name_a_mapping_or_left_to_their_defaults(string strategy, string selection, string reinsertion)
    {
        var built = Assert.IsType<GeneticAlgorithm<IGenome>>(SpaceFiles.Load(Space(strategy)).CreateStrategy());
        Assert.Equal((selection, reinsertion), (built.Selection.Name, built.Reinsertion.Name));
    }

    [Fact]
    public void A_random_space_loads()
    {
        var space = SpaceFiles.Load(Space("  name: random\n  population: 16"));
        Assert.Equal("random", space.StrategyName);
        Assert.Equal(16, Assert.IsType<RandomSearch<IGenome>>(space.CreateStrategy()).PopulationSize);
    }

    [Fact]
    public void Termination_changes_the_space_fingerprint()
    {
        var a = SpaceFiles.Load(Space(Genetic));
        var b = SpaceFiles.Load(GeneticWithLine(13, "  termination: { any: [ { generations: 4 }, { stagnation: 10 } ] }"));
        Assert.NotEqual(a.Fingerprint, b.Fingerprint);
    }

    [Theory]
    [InlineData(11, "  selection: lottery", 11, 14, "unknown selection 'lottery' for 'strategy.selection'; choices: tournament, roulette, stochastic-universal-sampling")]
    [InlineData(11, "  selection: { name: tournament, size: 0 }", 11, 40, "value 0 of 'size' is out of range; expected at least 1")]
    [InlineData(11, "  selection: { name: roulette, size: 3 }", 11, 32, "unknown key 'size' in 'strategy.selection'; known keys: name")]
    [InlineData(11, "  selection: [tournament]", 11, 14, "expected a selection name or a mapping with 'name' for 'strategy.selection', got a list")]
    [InlineData(12, "  reinsertion: { name: elitist, elites: -1 }", 12, 41, "value -1 of 'elites' is out of range; expected at least 0")]
    [InlineData(12, "  reinsertion: { name: best }", 12, 24, "unknown reinsertion 'best' for 'strategy.reinsertion'; choices: elitist, fitness-based, pure, uniform, rank-crowding")]
    [InlineData(12, "  reinsertion: pure\n  offspring: 4", 13, 14, "inconsistent strategy settings: 'offspring' = 4 pure reinsertion needs at least as many offspring as the population (8)")]
    [InlineData(13, "  termination: { generation: 5 }", 13, 18, "unknown termination criterion 'generation' in 'strategy.termination'; choices: generations, evaluations, wall_time_seconds, stagnation, fitness, any, all")]
    [InlineData(13, "  termination: { generations: 5, stagnation: 3 }", 13, 16, "expected a mapping with one criterion for 'strategy.termination'")]
    [InlineData(13, "  termination: { generations: 0 }", 13, 31, "value 0 of 'strategy.termination.generations' is out of range; expected at least 1")]
    [InlineData(13, "  termination: { any: [ { generations: 5 }, { generations: 6 } ] }", 13, 45, "'strategy.termination.any' names 'generations' twice")]
    [InlineData(13, "  termination: { all: [] }", 13, 23, "expected a non-empty list of criteria for 'strategy.termination.all'")]
    [InlineData(13, "  termination: { fitness: { objective: 1, value: 0.9 } }", 13, 40, "value 1 of 'objective' is out of range; expected 0..0")]
    [InlineData(13, "  termination: { stagnation: { generations: 5, patience: 2 } }", 13, 48, "unknown key 'patience' in 'strategy.termination.stagnation'; known keys: generations, tolerance")]
    [InlineData(10, "  crossover: 1.5", 10, 14, "value 1.5 of 'crossover' is out of range; expected 0..1")]
    public void Bad_genetic_settings_are_refused_where_they_are(int line, string replacement, int atLine, int atColumn, string message)
    {
        var e = SpaceFiles.LoadFails(GeneticWithLine(line, replacement));
        Assert.Contains(message, e.Problem);
        Assert.Equal((atLine, atColumn), (e.Line, e.Column));
    }
}
