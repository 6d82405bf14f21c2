using Bench;
using Bench.Fidelity;
using Evaluators.Runtime;
using Search.Genomes.Activation;

namespace Evaluators.Tests.Bench;

/// <summary>The fidelity bench's pure parts: Kendall tau-b, the seed SNR, ranks, the CSV and its resume, the panel.</summary>
public sealed class FidelityTests
{
    public FidelityTests() => TorchRuntime.EnsureReady(1);

    [Fact]
    public void Kendall_tau_b_is_one_minus_one_and_a_hand_count_without_ties()
    {
        Assert.Equal(1.0, RankAgreement.KendallTauB([1, 2, 3, 4], [10, 20, 30, 40]), 12);
        Assert.Equal(-1.0, RankAgreement.KendallTauB([1, 2, 3, 4], [4, 3, 2, 1]), 12);
        // x = 1..4, y = 1 3 2 4: one discordant pair (2,3) of 6 -> (5 - 1) / 6.
        Assert.Equal(4.0 / 6, RankAgreement.KendallTauB([1, 2, 3, 4], [1, 3, 2, 4]), 12);
    }

    [Fact]
    public void Kendall_tau_b_corrects_for_ties_on_either_side()
    {
        // x = 1 2 2 3, y = 1 2 3 4: pairs (1,2)(1,3)(1,4)(2,4)(3,4) concordant, (2,3) tied in x only.
        // n0 = 6, n1 = 1, n2 = 0: tau_b = 5 / sqrt(5 * 6).
        Assert.Equal(5 / Math.Sqrt(30), RankAgreement.KendallTauB([1, 2, 2, 3], [1, 2, 3, 4]), 12);
        // x = 1 1 2 2, y = 1 2 1 2: ties (1,2) in x, (3,4) in x, (1,3) in y, (2,4) in y;
        // (1,4) concordant, (2,3) discordant: tau_b = 0 / sqrt(4 * 4) = 0.
        Assert.Equal(0.0, RankAgreement.KendallTauB([1, 1, 2, 2], [1, 2, 1, 2]), 12);
        // x = 1 1 2 3, y = 1 1 2 2: pair (1,2) tied in both, (3,4) tied in y; 4 concordant.
        // n1 = 1, n2 = 2: tau_b = 4 / sqrt(5 * 4).
        Assert.Equal(4 / Math.Sqrt(20), RankAgreement.KendallTauB([1, 1, 2, 3], [1, 1, 2, 2]), 12);
        // x = 3 1 2 2 1, y = 2 1 1 3 2: concordant (1,2)(1,3)(2,4)(4,5), discordant (1,4)(3,5),
        // tied in x (2,5)(3,4), in y (1,5)(2,3): tau_b = (4 - 2) / sqrt((10 - 2)(10 - 2)) = 0.25.
        Assert.Equal(0.25, RankAgreement.KendallTauB([3, 1, 2, 2, 1], [2, 1, 1, 3, 2]), 12);
    }

    [Fact]
    public void Kendall_tau_b_is_nan_for_a_constant_side_or_one_pair_short()
    {
        Assert.True(double.IsNaN(RankAgreement.KendallTauB([1, 1, 1], [1, 2, 3])));
        Assert.True(double.IsNaN(RankAgreement.KendallTauB([1], [1])));
        Assert.Throws<ArgumentException>(() => RankAgreement.KendallTauB([1, 2], [1]));
    }

    [Fact]
    public void Snr_is_variance_of_means_over_mean_seed_variance()
    {
        // means 2 and 6 (sample variance 8); seed variances 1 and 4 (mean 2.5).
        Assert.Equal(8 / 2.5, RankAgreement.SignalToNoise([[1, 2, 3], [4, 6, 8]]), 12);
        Assert.True(double.IsNaN(RankAgreement.SignalToNoise([[1], [2]])));     // one seed: no noise estimate
        Assert.True(double.IsNaN(RankAgreement.SignalToNoise([[1, 2]])));       // one item: no signal
    }

    [Fact]
    public void Ranks_put_the_highest_first_and_share_ties()
    {
        Assert.Equal([3, 1.5, 1.5, 4], RankAgreement.DescendingRanks([0.5, 0.9, 0.9, 0.1]));
        var ranks = RankAgreement.DescendingRanks([0.5, double.NaN, 0.7]);
        Assert.Equal(2, ranks[0]);
        Assert.True(double.IsNaN(ranks[1]));
        Assert.Equal(1, ranks[2]);
    }

    [Fact]
    public void Csv_round_trips_quoted_genomes_and_nan()
    {
        var row = new FidelityRow("max(x, \"0\")", "fmnist-resnet-act@full", 3, 0.8125, double.NaN, 12.5, true, "net epochs=2");
        var line = FidelityCsv.Format(row);
        Assert.Equal("\"max(x, \"\"0\"\")\",fmnist-resnet-act@full,3,0.8125,NaN,12.5,1,net epochs=2", line);
        var back = FidelityCsv.TryParseLine(line);
        Assert.NotNull(back);
        Assert.Equal(row.Key, back!.Key);
        Assert.Equal("net epochs=2", back.Budget);
        Assert.Equal((0.8125, 12.5, true), (back.ValidationAccuracy, back.Seconds, back.Diverged));
        Assert.True(double.IsNaN(back.TestAccuracy));
    }

    [Fact]
    public void Resume_reads_finished_rows_and_skips_the_header_and_a_torn_line()
    {
        string text = "\uFEFF" + FidelityCsv.Header + "\n"
            + "relu(x),fmnist-deep-mlp,1,0.85,NaN,4.2,0\n"
            + "\"max(x, 0)\",fmnist-deep-mlp,2,0.84,NaN,4.1,0\r\n"
            + "gelu(x),fmnist-deep-mlp,1,0.8";                 // killed while writing
        var rows = FidelityCsv.Parse(text);
        Assert.Equal([("relu(x)", "fmnist-deep-mlp", 1), ("max(x, 0)", "fmnist-deep-mlp", 2)], rows.Select(r => r.Key));
        Assert.All(rows, r => Assert.Equal("", r.Budget)); // the 7-column format: no budget
        Assert.Null(FidelityCsv.TryParseLine("\"open quote,fmnist,1,0.1,0.1,1,0"));
    }

    [Fact]
    public void Append_writes_a_header_once_and_starts_a_fresh_line_after_a_torn_one()
    {
        string path = Path.Combine(Path.GetTempPath(), $"fidelity-{Guid.NewGuid():N}.csv");
        try
        {
            FidelityCsv.Append(path, new FidelityRow("relu(x)", "t", 1, 0.5, 0.6, 1, false));
            File.AppendAllText(path, "gelu(x),t,1,0.");                // torn
            FidelityCsv.Append(path, new FidelityRow("tanh(x)", "t", 1, 0.4, 0.3, 2, false));
            var lines = File.ReadAllLines(path);
            Assert.Equal(FidelityCsv.Header, lines[0]);
            Assert.Equal(1, lines.Count(l => l == FidelityCsv.Header));
            Assert.Equal(["relu(x)", "tanh(x)"], FidelityCsv.Read(path).Select(r => r.Genome));
            Assert.NotEqual(0xEF, File.ReadAllBytes(path)[0]); // no byte-order mark
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Panel_parses_every_known_function_to_its_closed_form_and_adds_three_usable_random_genomes()
    {
        var panel = FidelityPanel.Build(new ActivationFamily());
        Assert.Equal(FidelityPanel.Known.Length + FidelityPanel.RandomCount, panel.Count);
        Assert.Equal(FidelityPanel.Known.Select(k => k.Label), panel.Take(FidelityPanel.Known.Length).Select(e => e.Label));
        Assert.Equal(panel.Count, panel.Select(e => e.Genome.Text).Distinct().Count());
        var random = panel.Skip(FidelityPanel.Known.Length).ToArray();
        Assert.All(random, e => Assert.True(e.RandomSeed is not null && FidelityPanel.Usable(e.Genome), e.Genome.Text));
        // Deterministic: the same seeds give the same genomes.
        Assert.Equal(random.Select(e => e.Genome.Text), FidelityPanel.Build(new ActivationFamily()).Skip(15).Select(e => e.Genome.Text));
        Assert.Equal(["relu", "leaky_relu", "elu"], FidelityPanel.Build(new ActivationFamily(), 3).Select(e => e.Label));
    }

    [Theory]
    [InlineData("x + x", false)]              // linear: the network would be linear
    [InlineData("-x * leaky_relu(@b(1))", false)]
    [InlineData("x - x", false)]              // constant
    [InlineData("exp(exp(x))", false)]        // beyond the sanity bound
    [InlineData("relu(x)", true)]
    [InlineData("tanh(x)", true)]
    public void Usable_random_genomes_are_bounded_and_not_constant_or_linear(string genome, bool usable) =>
        Assert.Equal(usable, FidelityPanel.Usable(new ActivationFamily().Parse(genome)));

    [Fact]
    public void Verify_rejects_a_genome_that_is_not_its_closed_form()
    {
        var wrong = new PanelEntry("relu", new ActivationFamily().Parse("x * sigmoid(x)"), x => Math.Max(x, 0));
        Assert.Throws<InvalidOperationException>(() => FidelityPanel.Verify(wrong));
    }

    [Fact]
    public void Tau_of_a_proxy_uses_only_functions_scored_on_both_tasks()
    {
        var f = new ActivationFamily();
        var panel = new[] { "relu(x)", "gelu(x)", "tanh(x)" }.Select(t => new PanelEntry(t, f.Parse(t), null)).ToArray();
        var rows = new[]
        {
            new FidelityRow(panel[0].Genome.Text, "p", 1, 0.9, double.NaN, 1, false),
            new FidelityRow(panel[1].Genome.Text, "p", 1, 0.8, double.NaN, 1, false),
            new FidelityRow(panel[2].Genome.Text, "p", 1, 0.7, double.NaN, 1, false),
            new FidelityRow(panel[0].Genome.Text, "r", 1, 0, 0.6, 3, false),
            new FidelityRow(panel[1].Genome.Text, "r", 1, 0, 0.5, 3, false),
        };
        var proxy = TaskScores.Of("p", false, panel, rows, 1);
        var reference = TaskScores.Of("r", true, panel, rows, 1);
        Assert.Equal(1.0, FidelityReport.Tau(proxy, reference), 12);
        Assert.True(double.IsNaN(FidelityReport.Tau(proxy, reference, [true, false, true]))); // one pair left: no tau
        Assert.Equal(0.1, FidelityReport.Difference(panel, proxy, "relu(x)", "gelu(x)"), 12);
        Assert.Contains("| relu(x) |", FidelityReport.Table(panel, [proxy, reference]));
    }

    [Fact]
    public void Rows_of_another_budget_are_not_current_and_a_repeated_key_keeps_its_last_row()
    {
        var task = Evaluators.Tasks.ProxyTasks.Get("fmnist-resnet-act");
        string budget = FidelityCsv.Budget(task);
        Assert.Contains("bn-act-resnet-16-32-64", budget);
        Assert.Contains($"epochs={task.Training.Epochs} batch=64 subset=6000 adam lr=0.003", budget);
        Assert.NotEqual(budget, FidelityCsv.Budget(task with { Training = task.Training with { Epochs = task.Training.Epochs + 1 } }));
        Assert.DoesNotContain(",", budget);

        var rows = new[]
        {
            new FidelityRow("relu(x)", "r", 1, 0, 0.70, 1, false, "old"),
            new FidelityRow("relu(x)", "r", 1, 0, 0.80, 1, false, budget),
            new FidelityRow("gelu(x)", "r", 1, 0, 0.75, 1, false, ""),       // legacy: taken on trust
            new FidelityRow("tanh(x)", "r", 1, 0, 0.60, 1, false, "old"),
            new FidelityRow("tanh(x)", "other", 1, 0, 0.60, 1, false, budget), // a task not asked for
        };
        var current = FidelityCsv.Current(rows, new Dictionary<string, string> { ["r"] = budget });
        Assert.Equal([("relu(x)", 0.80), ("gelu(x)", 0.75)], current.Select(r => (r.Genome, r.TestAccuracy)));
    }
}
