using CsCheck;
using Search.Core;
using Search.Engine;
using Search.Tests.Engine.TestDoubles;

namespace Search.Tests.Engine;

public class DeterminismTests
{
    private static List<(long, string, ulong)> ProposalsOf(ulong seed, int steps)
    {
        var engine = TestSearch.Create(seed);
        var seen = new List<(long, string, ulong)>();
        for (int s = 0; s < steps; s++)
        {
            var batch = engine.Ask(3);
            seen.AddRange(batch.Select(p => (p.Id, p.Genome.Text, p.EvaluationSeed)));
            foreach (var p in batch) engine.Tell(p.Id, TestSearch.Evaluate(p));
        }
        return seen;
    }

    [Fact]
    public void Same_seed_gives_the_same_proposals_run_to_run()
    {
        var a = ProposalsOf(7, 30);
        var b = ProposalsOf(7, 30);
        Assert.True(a.Count > 60); // the structural screen keeps a few from being handed out
        Assert.Equal(a, b);
        Assert.Equal(a.Select(p => p.Item1).Order(), a.Select(p => p.Item1));
        Assert.Equal(a.Count, a.Select(p => p.Item1).Distinct().Count());
        Assert.NotEqual(a.Select(p => p.Item2), ProposalsOf(8, 30).Select(p => p.Item2));
    }

    [Fact]
    public void Results_told_in_any_order_give_the_same_state_as_in_order()
    {
        var inOrder = RunWithOrder(seed: 3, rounds: 12, _ => { });
        Gen.Int[0, int.MaxValue].Sample(shuffleSeed =>
        {
            var shuffler = new Rng((ulong)shuffleSeed);
            var shuffled = RunWithOrder(seed: 3, rounds: 12, batch => shuffler.Shuffle(batch));
            Assert.Equal(inOrder, shuffled);
        }, iter: 30);
    }

    /// <summary>Each round takes everything queued (the whole lookahead), tells it in the given order, and returns the state bytes.</summary>
    private static byte[] RunWithOrder(ulong seed, int rounds, Action<List<Proposal<DigitGenome>>> order)
    {
        var engine = TestSearch.Create(seed);
        for (int r = 0; r < rounds; r++)
        {
            var batch = engine.Ask(int.MaxValue).ToList();
            order(batch);
            foreach (var p in batch) engine.Tell(p.Id, TestSearch.Evaluate(p));
        }
        Assert.True(engine.Counters.Applied >= rounds * 5L);
        return engine.SaveBytes();
    }

    [Fact]
    public void Duplicates_are_ignored_and_counted()
    {
        var plain = TestSearch.Create();
        var noisy = TestSearch.Create();
        TestSearch.Run(plain, 0, 10);
        for (int s = 0; s < 10; s++)
        {
            var batch = noisy.Ask(3);
            var last = batch[^1];
            // Early result, then its duplicate while buffered (with a different value), then the rest, then a late duplicate.
            Assert.Equal(TellOutcome.Buffered, noisy.Tell(last.Id, TestSearch.Evaluate(last)));
            Assert.Equal(TellOutcome.Duplicate, noisy.Tell(last.Id, EvaluationResult.Accept(-1, -1)));
            foreach (var p in batch.Take(batch.Count - 1)) noisy.Tell(p.Id, TestSearch.Evaluate(p));
            Assert.Equal(TellOutcome.Duplicate, noisy.Tell(batch[0].Id, EvaluationResult.Fail("late copy")));
        }
        Assert.Equal(20, noisy.Counters.Duplicates);
        Assert.Equal(plain.Counters.Applied, noisy.Counters.Applied);
        Assert.Equal(Entries(plain), Entries(noisy));
    }

    private static string[] Entries(SearchEngine<DigitGenome> e) =>
        e.Archive.Entries.Select(x => $"{x.Id} {x.Genome} {x.Result.Status} {string.Join(",", x.Result.Objectives ?? [])}").ToArray();
}
