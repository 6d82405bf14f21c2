using System.Globalization;
using Cluster.Cli;
using Cluster.Reports.Views;
using Cluster.Runs;
using Cluster.Spaces;
using Cluster.Tests.Support;
using Evaluators.Candidates;
using Search.Core;
using Search.Genomes.Activation;
using Search.Rejection;

namespace Cluster.Tests.Reports;

/// <summary>
/// A real activation-family run (the YAML space loaded as `search run` loads it, a deterministic
/// stand-in evaluator instead of training) with relu(x) as baseline: the report draws every front
/// member's and baseline's function over [-4, 4], computed by the engine's own evaluator.
/// </summary>
[Collection("akka-runs")]
public sealed class ActivationReportTests
{
    private const string Space = """
        name: activation-report
        seed: 7
        family:
          name: activation
          mode: free
          unary: default
          binary: [add, sub, mul, max, min]
          max_nodes: 8
          max_depth: 4
          constant_range: [-3, 3]
          learnable_chance: 0.2
        strategy:
          name: aging
          population: 6
          sample: 2
        objectives:
          - name: loss
            metric: validation_loss
            direction: minimize
          - name: accuracy
            metric: validation_accuracy
            direction: maximize
        evaluation:
          tasks: [fmnist-deep-mlp]
          seeds: 1
        budget:
          max_evaluations: 14
        baselines:
          - relu(x)
          - silu(x)
        """;

    /// <summary>Scores a genome by its values at a few points: deterministic, no training; learns every learnable as 1.5.</summary>
    private sealed class ShapeEvaluator(ActivationFamily family) : ICandidateEvaluator
    {
        public EvaluationReport Evaluate(EvaluationJob job, IEquivalenceLookup cache, CancellationToken cancel)
        {
            var g = family.Parse(job.GenomeText);
            double Dist(double x) => Math.Abs(g.Evaluate(x) - Math.Max(0, x));
            double loss = Dist(-2) + Dist(-0.5) + Dist(1) + Dist(3);
            var result = double.IsFinite(loss) ? EvaluationResult.Accept(loss, 1 / (1 + loss + g.NodeCount * 0.01)) : EvaluationResult.Reject("shape", "not finite");
            var learned = g.Learnables.Keys.ToDictionary(k => k, _ => 1.5);
            return new EvaluationReport(result, null, new RejectionCounters(), new Dictionary<string, double>(), learned);
        }
    }

    [Fact]
    public async Task The_curves_show_relu_and_every_front_member_with_its_learned_values()
    {
        string spaceFile = SearchCli.WriteSpace("report-activation", "activation.yaml", Space);
        string dir = Path.GetDirectoryName(spaceFile)!;
        var family = (ActivationFamily)((Search.Variation.ErasedFamily<ActivationGenome>)SearchSpaceFile.Load(spaceFile).Family).Inner;
        var composition = new SearchComposition(_ => SearchSpaceFile.Load(spaceFile), _ => new ShapeEvaluator(family));
        string run = Path.Combine(dir, "run");
        Assert.Equal(0, await SearchCli.Invoke(composition, "run", spaceFile, "--out", run));
        string html = Path.Combine(dir, "report.html");
        Assert.Equal(0, await SearchCli.Invoke(composition, "report", run, "--out", html, "--png", Path.Combine(dir, "png")));

        var page = new ReportPage(File.ReadAllText(html));
        var svg = page.One("svg", "curves");
        var curves = ReportPage.Within(svg, "polyline", "curve").ToArray();
        var status = RunRecord.Load(run).Status!;
        Assert.Equal(status.Front.Length + 2, curves.Length);

        var relu = Assert.Single(curves, c => c.Attribute("data-genome")?.Value == "relu(x)");
        var points = ReportPage.DataPoints(relu);
        Assert.Equal(ActivationCurvesView.Samples, points.Count);
        double tolerance = 0.02;
        Assert.Equal(-4, points[0].X, tolerance);
        Assert.Equal(0, points[0].Y, tolerance);
        Assert.Equal(4, points[^1].X, tolerance);
        Assert.Equal(4, points[^1].Y, tolerance);
        Assert.Equal(1, points.Single(p => Math.Abs(p.X - 1) < 0.01).Y, tolerance);

        // Front members: their curve is the genome at its learned values (1.5 for every learnable here).
        foreach (var f in status.Front)
        {
            var curve = Assert.Single(curves, c => c.Attribute("data-id")?.Value == f.Id.ToString(CultureInfo.InvariantCulture));
            var g = family.Parse(f.Genome);
            var learned = g.Learnables.Keys.ToDictionary(k => k, _ => 1.5);
            var at = ReportPage.DataPoints(curve);
            double expected = g.Evaluate(2, learned);
            var yr = svg.Attribute("data-y-range")!.Value.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            if (expected >= yr[0] && expected <= yr[1])
                Assert.Equal(expected, at.Single(p => Math.Abs(p.X - 2) < 0.01).Y, 0.02 * (1 + Math.Abs(expected)));
        }
        string curvesPng = Path.Combine(dir, "png", "curves.png");
        Assert.True(File.Exists(curvesPng));
        Assert.Equal(0x89, File.ReadAllBytes(curvesPng)[0]);
    }
}
