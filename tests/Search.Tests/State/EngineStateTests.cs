using Search.Core;
using Search.Engine;
using Search.State;
using Search.Tests.Engine.TestDoubles;

namespace Search.Tests.State;

public sealed class EngineStateTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("enginestate-").FullName;
    private string File(string name) => Path.Combine(_dir, name);
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string[] Entries(SearchEngine<DigitGenome> e) =>
        e.Archive.Entries.Select(x => $"{x.Id} {x.Genome} {x.Result.Status} {x.Result.Stage} {string.Join(",", x.Result.Objectives ?? [])}").ToArray();

    [Fact]
    public void Fifty_steps_equal_twenty_five_saved_restored_and_twenty_five_more()
    {
        var straight = TestSearch.Create();
        TestSearch.Run(straight, 0, 50);

        var first = TestSearch.Create();
        TestSearch.Run(first, 0, 25);
        first.Save(File("half.state"));
        var resumed = TestSearch.Restore(File("half.state"));
        Assert.Equal(first.SaveBytes(), resumed.SaveBytes());
        TestSearch.Run(resumed, 25, 25);

        Assert.Equal(Entries(straight), Entries(resumed));
        Assert.Equal(straight.SaveBytes(), resumed.SaveBytes());
        Assert.Equal(straight.Archive.Front.Select(i => i.Genome.Text), resumed.Archive.Front.Select(i => i.Genome.Text));
    }

    [Fact]
    public void Fifty_steps_equal_twenty_five_then_twenty_five_in_a_fresh_process()
    {
        var straight = TestSearch.Create();
        TestSearch.Run(straight, 0, 50);
        var first = TestSearch.Create();
        TestSearch.Run(first, 0, 25);
        first.Save(File("half.state"));

        var (exit, output) = StateProbe.Run(File("half.state"), 25, 25, File("end.state"));
        Assert.True(exit == 0, output);

        var fromProbe = TestSearch.Restore(File("end.state"));
        Assert.Equal(Entries(straight), Entries(fromProbe));
        Assert.Equal(straight.SaveBytes(), StateFile.Read(File("end.state")));
    }

    [Fact]
    public void Outstanding_proposals_and_buffered_results_survive_a_restore()
    {
        // Save mid-batch: proposal 0 handed out and lost, 2 answered early, 1 and 3 handed out, 4 still queued.
        var engine = TestSearch.Create();
        var batch = engine.Ask(4);
        engine.Tell(2, TestSearch.Evaluate(batch[2]));
        engine.Save(File("mid.state"));
        var twin = TestSearch.Restore(File("mid.state"));

        Assert.Equal(engine.Pending.Select(p => (p.Id, p.Genome.Text, p.EvaluationSeed)), twin.Pending.Select(p => (p.Id, p.Genome.Text, p.EvaluationSeed)));
        Assert.Equal([0L, 1, 3], twin.Pending.Select(p => p.Id));
        foreach (var e in new[] { engine, twin })
        {
            Assert.Equal(TellOutcome.Duplicate, e.Tell(2, EvaluationResult.Fail("again")));
            Assert.True(e.Requeue(0));
            var again = e.Ask(5);
            Assert.Equal([0L, 4], again.Select(p => p.Id));
            foreach (var p in e.Pending.OrderByDescending(p => p.Id)) e.Tell(p.Id, TestSearch.Evaluate(p));
            TestSearch.Run(e, 0, 10);
        }
        Assert.Equal(engine.SaveBytes(), twin.SaveBytes());
    }

    [Fact]
    public void A_larger_budget_extends_a_finished_run()
    {
        var engine = TestSearch.Create(max: 10);
        while (!engine.IsDone) TestSearch.Step(engine, 0);
        engine.Save(File("done.state"));
        var more = TestSearch.Restore(File("done.state"), max: 20);
        Assert.False(more.IsDone);
        while (!more.IsDone) TestSearch.Step(more, 0);
        Assert.Equal(20, more.Archive.Entries.Count);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), more.Archive.Entries.Select(e => e.Id));
    }

    [Fact]
    public void A_state_from_another_search_is_refused_with_the_reason()
    {
        var engine = TestSearch.Create();
        TestSearch.Run(engine, 0, 3);
        var path = File("run.state");
        engine.Save(path);

        string Refusal(Func<SearchEngine<DigitGenome>> restore)
        {
            var e = Assert.Throws<IncompatibleStateException>(restore);
            Assert.Equal(path, e.FilePath);
            return e.Problem;
        }
        var objectives = TestSearch.Objectives;
        Assert.Equal("saved with genome family 'digits', this search uses 'other'",
            Refusal(() => SearchEngine<DigitGenome>.Restore(path, new DigitFamily("other"), new HillClimber(), objectives, TestSearch.Settings())));
        Assert.Equal("saved with strategy 'hill', this search uses 'valley'",
            Refusal(() => SearchEngine<DigitGenome>.Restore(path, new DigitFamily(), new HillClimber("valley"), objectives, TestSearch.Settings())));
        Assert.Equal("settings fingerprint differs: seed 42 was saved, this search has 43",
            Refusal(() => TestSearch.Restore(path, seed: 43)));
        Assert.Equal("settings fingerprint differs: lookahead 5 was saved, this search has 6",
            Refusal(() => SearchEngine<DigitGenome>.Restore(path, new DigitFamily(), new HillClimber(), objectives, TestSearch.Settings() with { Lookahead = 6 })));
        Assert.Equal("settings fingerprint differs: the objectives differ",
            Refusal(() => SearchEngine<DigitGenome>.Restore(path, new DigitFamily(), new HillClimber(), ObjectiveSet.Minimize("a", "b"), TestSearch.Settings())));
    }

    [Fact]
    public void A_damaged_state_file_is_never_half_loaded()
    {
        var engine = TestSearch.Create();
        TestSearch.Run(engine, 0, 5);
        var path = File("run.state");
        engine.Save(path);
        var bytes = System.IO.File.ReadAllBytes(path);

        bytes[bytes.Length / 2] ^= 1;
        System.IO.File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<StateFileException>(() => TestSearch.Restore(path));
        Assert.Equal($"state file '{path}': checksum mismatch: the file is corrupted", e.Message);

        System.IO.File.WriteAllBytes(path, bytes[..^1]);
        Assert.Equal($"truncated: expected {bytes.Length} bytes, found {bytes.Length - 1}",
            Assert.Throws<StateFileException>(() => TestSearch.Restore(path)).Problem);

        // A well-formed file whose payload is not an engine state.
        StateFile.Write(path, [0x93, 1, 2, 3]);
        Assert.StartsWith("payload unreadable", Assert.Throws<StateFileException>(() => TestSearch.Restore(path)).Problem);
    }
}
