using Cluster.Baselines;
using Cluster.Confirmation;
using Cluster.Protocol;
using Cluster.Protocol.Data;
using Cluster.Reports;
using Cluster.Runs;
using Cluster.Spaces;
using Cluster.TestHost;
using Cluster.Tests.Support;
using Cluster.Validation;

namespace Cluster.Tests.Reports;

/// <summary>
/// The sections that need records a small run does not make (rungs, three objectives, routing
/// measures, formulas, confirmation, validation, a run with no result yet), rendered from records
/// written as the commands write them.
/// </summary>
public sealed class ReportSectionsTests
{
    private static RunView View(string family, StatusReport? status, SearchSpace? space = null, IReadOnlyList<HistoryEntry>? history = null,
        IReadOnlyList<ConfirmationResult>? confirm = null, IReadOnlyList<ValidationResult>? validate = null, IReadOnlyList<BaselineResult>? baselines = null)
    {
        string dir = TestRuns.TempDir("report-sections");
        var info = new RunInfo(Path.GetFileName(dir), "synthetic", "synthetic.yaml", null, 1, DateTimeOffset.UtcNow, family, "aging", 100, "sqlite:store.db");
        var record = new RunRecord(new RunDirectory(dir), info, status, baselines ?? [], confirm ?? [], validate ?? []);
        return new RunView(record, space, space is null ? "not loaded" : null, history, DateTimeOffset.UtcNow);
    }

    private static StatusReport Status(FrontMember[] front, bool done = true, RungStatus[]? rungs = null, StageStatsData[]? stages = null) =>
        new("r", 20, 100, 15, 4, 1, new() { ["sanity"] = 4 }, front, 0, 1, done, 0, 0, stages, rungs);

    [Fact]
    public void Three_objectives_are_parallel_coordinates_with_a_line_per_member()
    {
        var front = new[] { new FrontMember(3, "a", [1, 2, 3]), new FrontMember(7, "b <&> \"c\"", [3, 1, 2]) };
        var page = new ReportPage(ReportHtml.Page([View("real-vector", Status(front))]));
        var svg = page.One("svg", "parallel");
        Assert.True(ReportPage.HasClass(svg, "front-plot"));
        Assert.Equal(["3", "7"], ReportPage.Within(svg, "polyline", "front-line").Select(l => l.Attribute("data-id")!.Value).Order());
        // Escaped text comes back intact.
        Assert.Contains(page.All("tr", "front-row"), r => r.Value.Contains("b <&> \"c\""));
        Assert.Empty(page.All("circle", "front-point"));
    }

    [Fact]
    public void Rungs_stages_and_routing_measures_are_tables()
    {
        var metrics = new Dictionary<string, double> { ["lm/load_cv"] = 0.25, ["max_vio"] = 0.5, ["dropped_fraction"] = 0.01, ["active_experts"] = 6, ["delay_ms"] = 3 };
        var front = new[] { new FrontMember(2, "topk(k=2)", [1.5, 2], metrics), new FrontMember(5, "softmax", [1, 3], new() { ["lm/load_cv"] = 0.1 }, Rung: 1) };
        var rungs = new[] { new RungStatus(0, 1, 1, 15, 12, 4, "loss", 1.2), new RungStatus(1, 3, 1, 5, 5, 0, "loss", 1.0) };
        var stages = new[] { new StageStatsData("sanity", 20, 4, 0, 1.5, 30), new StageStatsData("hurdle", 16, 0, 0, 2, 0) };
        var page = new ReportPage(ReportHtml.Page([View("routing", Status(front, rungs: rungs, stages: stages))]));
        var routing = page.One("table", "routing");
        var headers = routing.Descendants("th").Select(h => h.Value).ToArray();
        Assert.Equal(["id", "genome", "active_experts", "dropped_fraction", "lm/load_cv", "max_vio"], headers);
        var rows = routing.Descendants("tbody").Single().Elements("tr").ToArray();
        Assert.Equal(["2", "5"], rows.Select(r => r.Attribute("data-id")!.Value).Order());
        Assert.Equal("0.25", rows.Single(r => r.Attribute("data-id")!.Value == "2").Elements("td").ElementAt(4).Value);
        Assert.Equal("-", rows.Single(r => r.Attribute("data-id")!.Value == "5").Elements("td").ElementAt(5).Value);
        Assert.Equal(2, page.One("table", "rungs").Descendants("tbody").Single().Elements("tr").Count());
        // Stages in pipeline order (most examined first) and a total row.
        var stageRows = page.One("table", "stages").Descendants("tbody").Single().Elements("tr").Select(r => r.Elements("td").First().Value).ToArray();
        Assert.Equal(["sanity", "hurdle", "all"], stageRows);
    }

    [Fact]
    public void Each_members_load_profile_is_a_histogram_over_the_balanced_share()
    {
        // Member 2: 4 experts on two tasks (the first task's profile is drawn); member 5 reports none.
        var metrics = new Dictionary<string, double>
        {
            ["lm/load_cv"] = 0.4, ["lm/load_share.01"] = 0.4, ["lm/load_share.02"] = 0.3, ["lm/load_share.03"] = 0.2, ["lm/load_share.04"] = 0.1,
            ["other/load_share.01"] = 0.25, ["other/load_share.02"] = 0.25, ["other/load_share.03"] = 0.25, ["other/load_share.04"] = 0.25,
        };
        var front = new[] { new FrontMember(2, "topk(k=2)", [1.5, 2], metrics), new FrontMember(5, "softmax", [1, 3], new() { ["lm/load_cv"] = 0.1 }) };
        var page = new ReportPage(ReportHtml.Page([View("routing", Status(front))]));
        var histogram = page.One("svg", "load-histogram");
        Assert.Equal("2", histogram.Attribute("data-id")!.Value);
        var bars = ReportPage.Within(histogram, "rect", "load-bar").ToArray();
        Assert.Equal(["1", "2", "3", "4"], bars.Select(b => b.Attribute("data-rank")!.Value));
        var heights = bars.Select(b => double.Parse(b.Attribute("height")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(4.0, heights[0] / heights[3], 2);  // 0.4 against 0.1, as drawn
        Assert.Equal(1.5, heights[1] / heights[2], 2);
        var uniform = ReportPage.Within(histogram, "line", "uniform-line").Single();
        double baseline = double.Parse(bars[3].Attribute("y")!.Value, System.Globalization.CultureInfo.InvariantCulture) + heights[3];
        double lineHeight = baseline - double.Parse(uniform.Attribute("y1")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(2.5, lineHeight / heights[3], 2);  // the balanced share 1/4 against 0.1
        // Shares are a histogram, not columns of the measures table.
        Assert.DoesNotContain(page.One("table", "routing").Descendants("th"), h => h.Value.Contains("load_share"));
    }

    [Fact]
    public void Norm_act_members_are_formulas()
    {
        var front = new[] { new FrontMember(4, "x / sqrt(var(x) + 1e-5)", [0.5]), new FrontMember(9, "max(x, 0)", [0.4]) };
        var page = new ReportPage(ReportHtml.Page([View("norm-act", Status(front))]));
        Assert.Equal(["4", "9"], page.All("div", "formula").Select(d => d.Attribute("data-id")!.Value).Order());
        Assert.Contains("x / sqrt(var(x) + 1e-5)", page.All("div", "formula").First(d => d.Attribute("data-id")!.Value == "4").Value);
    }

    [Fact]
    public void Confirmation_and_validation_results_are_summarised_against_the_baseline()
    {
        var space = TestSpaces.Zdt1(1, 20);
        var front = new[] { new FrontMember(1, "g1", [0.1, 0.2]) };
        ConfirmationResult C(string g, string role, long? id, int k, double f1) => new(g, role, id, k, (ulong)k, [f1, 1], null, null, 1);
        var confirm = new[] { C("g1", "front", 1, 1, 0.1), C("g1", "front", 1, 2, 0.12), C("base", "baseline", null, 1, 0.5), C("base", "baseline", null, 2, 0.52) };
        ValidationResult V(string g, string role, long? id, int k, double f1) => new(g, role, id, "other-task", null, k, (ulong)k, [f1, 1], null, null, 1);
        var validate = new[] { V("g1", "front", 1, 1, 0.1), V("g1", "front", 1, 2, 0.11), V("base", "baseline", null, 1, 0.3), V("base", "baseline", null, 2, 0.31) };
        var page = new ReportPage(ReportHtml.Page([View("real-vector", Status(front), space, confirm: confirm, validate: validate)]));
        var table = page.One("table", "confirm");
        var g1 = table.Descendants("tr").Where(r => r.Attribute("data-id")?.Value == "1").ToArray();
        Assert.Equal(2, g1.Length);   // one row per objective
        // Objective f1 (minimised): mean 0.11 against 0.51, gain 0.4 beyond the spread.
        Assert.Equal("*", g1[0].Elements("td").Last().Value);
        Assert.StartsWith("0.4 ", g1[0].Elements("td").ElementAt(6).Value);
        var v = page.One("table", "validate");
        Assert.Contains(v.Descendants("td"), td => td.Value == "other-task");
        Assert.Contains("front beating every baseline on f1: g1", page.Html);
    }

    [Fact]
    public void A_multi_task_space_has_a_table_per_architecture_as_status_computes_it()
    {
        var zdt = TestSpaces.Zdt1(1, 20);
        var space = zdt with
        {
            Objectives = Search.Core.ObjectiveSet.Minimize("loss_a", "err_a", "loss_b", "err_b"),
            Evaluation = zdt.Evaluation with { Objectives = ["loss@arch-a", "err@arch-a", "loss@arch-b", "err@arch-b"] },
        };
        // 1 is best on arch-a, 2 on arch-b, 3 dominated on both.
        var front = new[] { new FrontMember(1, "g1", [0.1, 0.1, 0.9, 0.9]), new FrontMember(2, "g2", [0.9, 0.9, 0.1, 0.1]), new FrontMember(3, "g3", [0.95, 0.95, 0.95, 0.95]) };
        var baselines = new[] { new BaselineResult("base", 1, [0.5, 0.5, 0.5, 0.5], null, null, new(), new()) };
        var page = new ReportPage(ReportHtml.Page([View("real-vector", Status(front), space, baselines: baselines)]));
        var tables = page.All("table", "architectures").ToArray();
        Assert.Equal(["arch-a", "arch-b"], tables.Select(t => t.Attribute("data-architecture")!.Value));
        var expected = Cluster.Cli.ArchitectureTables.Of(space, Status(front), baselines);
        for (int i = 0; i < 2; i++)
        {
            var ids = tables[i].Descendants("tr").Select(r => r.Attribute("data-id")?.Value).Where(v => v is not null).ToArray();
            Assert.Equal(expected[i].Rows.Where(r => r.Id is not null).Select(r => r.Id!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), ids);
            Assert.DoesNotContain("3", ids);
            Assert.Contains(tables[i].Descendants("td"), td => td.Value == "base");
        }
        Assert.Contains("1", tables[0].Descendants("tr").Select(r => r.Attribute("data-id")?.Value));
        Assert.Contains("2", tables[1].Descendants("tr").Select(r => r.Attribute("data-id")?.Value));
    }

    [Fact]
    public void An_activation_curve_uses_the_members_learned_scalars()
    {
        string file = Path.Combine(TestRuns.TempDir("report-learned"), "space.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, """
            name: learned
            seed: 1
            family:
              name: activation
              mode: free
            strategy:
              name: random
            objectives:
              - name: loss
                metric: validation_loss
                direction: minimize
            evaluation:
              tasks: [fmnist-deep-mlp]
            budget:
              max_evaluations: 4
            """);
        var space = SearchSpaceFile.Load(file);
        var genome = (Search.Genomes.Activation.ActivationGenome)space.Family.Parse("x * sigmoid(@b(1) * x)");
        string name = Assert.Single(genome.Learnables.Keys);
        var front = new[] { new FrontMember(6, genome.Text, [0.3], Learned: new() { [name] = 2.0 }), new FrontMember(8, "relu(x)", [0.4]) };
        var page = new ReportPage(ReportHtml.Page([View("activation", Status(front), space)]));
        var curve = Assert.Single(page.All("polyline", "curve"), c => c.Attribute("data-id")?.Value == "6");
        var at2 = ReportPage.DataPoints(curve).Single(p => Math.Abs(p.X - 2) < 0.01);
        // 2 sigmoid(2 * 2) with the learned value, not 2 sigmoid(2) with the initial one.
        Assert.Equal(2 / (1 + Math.Exp(-4)), at2.Y, 0.01);
        Assert.NotEqual(2 / (1 + Math.Exp(-2)), at2.Y, 0.05);
    }

    [Fact]
    public void A_run_with_no_result_yet_shows_zero_and_running()
    {
        var page = new ReportPage(ReportHtml.Page([View("activation", null, history: [])]));
        Assert.Equal("0", page.One("span", "evaluated").Value);
        Assert.Equal("100", page.One("span", "total").Value);
        Assert.Equal("running", page.One("span", "state").Value);
        Assert.Equal("-", page.One("span", "eta").Value);
        Assert.Empty(page.All("tr", "front-row"));
    }

    [Fact]
    public void The_eta_follows_the_recent_pace()
    {
        // 10 evaluations 2 s apart, 20 of 100 done: 80 left at 2 s each.
        var history = Enumerable.Range(0, 10).Select(i => new HistoryEntry(i, 2.0 * i, HistoryEntry.Accepted, null, 0, [i, 1])).ToArray();
        var view = View("real-vector", Status([], done: false), history: history);
        Assert.Equal(TimeSpan.FromSeconds(160), Cluster.Reports.Views.ProgressView.Eta(view));
        Assert.Equal("2m 40s", new ReportPage(ReportHtml.Page([view])).One("span", "eta").Value);
    }

    [Fact]
    public void Rungs_have_their_own_best_so_far_lines()
    {
        // Without a space the objective is minimised. Rung 1 (the full budget) reaches 0.5 early, rung 0
        // (cheap) improves to 0.8 later: one line would show 0.5 throughout and hide rung 0's progress.
        var history = new[]
        {
            new HistoryEntry(0, 1, HistoryEntry.Accepted, null, 0, [0.9]),
            new HistoryEntry(1, 2, HistoryEntry.Accepted, null, 1, [0.5]),
            new HistoryEntry(2, 3, HistoryEntry.Rejected, "sanity", 0, null),
            new HistoryEntry(3, 4, HistoryEntry.Accepted, null, 1, [0.7]),
            new HistoryEntry(4, 5, HistoryEntry.Accepted, null, 0, [0.8]),
        };
        var page = new ReportPage(ReportHtml.Page([View("real-vector", Status([]), history: history)]));
        var lines = page.All("polyline", "best-line").ToArray();
        Assert.Equal(["0", "1"], lines.Select(l => (string)l.Attribute("data-rung")!));
        var series = Cluster.Reports.Views.ProgressPlotView.Of(View("real-vector", Status([]), history: history));
        Assert.Equal([(1, 0.9), (2, 0.9), (3, 0.9), (4, 0.9), (5, 0.8)], series.Single(s => s.Rung == 0).Points);
        Assert.Equal([(2, 0.5), (3, 0.5), (4, 0.5), (5, 0.5)], series.Single(s => s.Rung == 1).Points);
    }
}
