using System.Diagnostics;
using System.Globalization;
using Search.Core;
using Search.Engine;
using Search.Genomes.RealVector;
using Search.Strategies;

namespace Bench;

/// <summary>
/// Engine overhead per candidate: propose (regularized evolution, population 1000, tournament 10,
/// on real vectors) + hand out + tell + archive/front bookkeeping, with a no-op evaluator that
/// returns the first coordinate as the objective. The initial population is a warm-up and is not
/// timed. Options: --candidates N (default 100000), --lookahead L (default 64), --dimension D
/// (default 10), --seed S (default 1).
/// </summary>
public sealed class EngineBenchmark : IBenchmark
{
    public string Name => "engine";
    public string Description => "engine overhead per candidate (aging evolution, population 1000, no-op evaluator)";

    public int Run(string[] args)
    {
        long candidates = 100_000;
        int lookahead = 64, dimension = 10;
        ulong seed = 1;
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--candidates": candidates = long.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--lookahead": lookahead = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--dimension": dimension = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--seed": seed = ulong.Parse(Value(), CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"unknown option '{args[i]}'; options: --candidates N, --lookahead L, --dimension D, --seed S");
                    return 2;
            }
        }

        const int population = 1000;
        var family = new RealVectorFamily(Enumerable.Repeat(0.0, dimension).ToArray(), Enumerable.Repeat(1.0, dimension).ToArray());
        var strategy = new AgingEvolution<RealVector>(new AgingOptions(PopulationSize: population, SampleSize: 10));
        var engine = new SearchEngine<RealVector>(family, strategy, ObjectiveSet.Minimize("f"),
            new EngineSettings(seed, lookahead, MaxEvaluations: population + candidates));
        Console.WriteLine($"aging evolution (population {population}, tournament 10) on real-vector[{dimension}], lookahead {lookahead}, {candidates} timed candidates");

        Drive(engine, population); // warm-up: the random initial population
        var clock = Stopwatch.StartNew();
        long done = 0, report = Math.Max(1, candidates / 5);
        while (done < candidates)
        {
            long step = Drive(engine, (int)Math.Min(report, candidates - done));
            if (step == 0) { Console.Error.WriteLine("engine stalled"); return 1; }
            done += step;
            Console.WriteLine(F($"  {done} candidates, {clock.Elapsed.TotalMilliseconds * 1000 / done:F2} us each, front {engine.Archive.Front.Count}, generation {strategy.Generation}"));
        }
        double usPerCandidate = clock.Elapsed.TotalMilliseconds * 1000 / done;
        Console.WriteLine(F($"applied {engine.Counters.Applied}, duplicates {engine.Counters.Duplicates}, best f {engine.Progress.BestMinimized[0]:G6}"));
        Console.WriteLine(F($"engine_us_per_candidate: {usPerCandidate:F2}"));
        return 0;
    }

    /// <summary>Asks and tells until <paramref name="count"/> candidates are applied; the evaluator is a no-op.</summary>
    private static long Drive(SearchEngine<RealVector> engine, int count)
    {
        long target = engine.Counters.Applied + count;
        while (engine.Counters.Applied < target && !engine.IsDone)
        {
            var batch = engine.Ask((int)Math.Min(int.MaxValue, target - engine.Counters.Applied));
            if (batch.Count == 0) break;
            foreach (var p in batch) engine.Tell(p.Id, EvaluationResult.Accept(p.Genome[0]));
        }
        return count - (target - engine.Counters.Applied);
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
