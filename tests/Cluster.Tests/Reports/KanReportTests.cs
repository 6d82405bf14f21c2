using System.Globalization;
using Cluster.Cli;
using Cluster.Runs;
using Cluster.Spaces;
using Cluster.Tests.Support;
using Evaluators.Candidates;
using Search.Core;
using Search.Genomes.KanBasis;
using Search.Genomes.KanBasis.Reference;
using Search.Rejection;

namespace Cluster.Tests.Reports;

/// <summary>
/// A kan-basis run (the YAML space as `search run` loads it, a stand-in evaluator instead of training):
/// the report plots every basis the front uses, each feature as the float64 reference computes it.
/// </summary>
[Collection("akka-runs")]
public sealed class KanReportTests
{
    private const string Space = """
        name: kan-report
        seed: 3
        family:
          name: kan-basis
          layers: 2
          allowed: [bspline, rbf, chebyshev, fourier, relu_kan, select]
          grid: [3, 5]
          order: [1, 3]
          centers: [4, 6]
          degree: [2, 4]
          frequencies: [1, 3]
        strategy:
          name: aging
          population: 4
          sample: 2
        objectives:
          - name: rmse
            metric: validation_rmse
            direction: minimize
          - name: params
            metric: parameters
            direction: minimize
        evaluation:
          tasks: [kan-expsin]
          epochs: 2
        budget:
          max_evaluations: 12
        """;

    private sealed class TextEvaluator : ICandidateEvaluator
    {
        public EvaluationReport Evaluate(EvaluationJob job, IEquivalenceLookup cache, CancellationToken cancel)
        {
            double h = StableHash.Of(job.GenomeText) % 1000 / 1000.0;
            return new EvaluationReport(EvaluationResult.Accept(h, job.GenomeText.Length), null, new RejectionCounters(),
                new Dictionary<string, double>(), new Dictionary<string, double>());
        }
    }

    [Fact]
    public async Task Every_basis_of_the_front_is_plotted_with_its_reference_features()
    {
        string spaceFile = SearchCli.WriteSpace("report-kan", "kan.yaml", Space);
        string dir = Path.GetDirectoryName(spaceFile)!;
        var composition = new SearchComposition(_ => SearchSpaceFile.Load(spaceFile), _ => new TextEvaluator());
        string run = Path.Combine(dir, "run");
        Assert.Equal(0, await SearchCli.Invoke(composition, "run", spaceFile, "--out", run));
        string html = Path.Combine(dir, "report.html");
        Assert.Equal(0, await SearchCli.Invoke(composition, "report", run, "--out", html, "--png", Path.Combine(dir, "png")));
        Assert.Equal(0x89, File.ReadAllBytes(Path.Combine(dir, "png", "curves.png"))[0]);
        var page = new ReportPage(File.ReadAllText(html));

        var family = SearchSpaceFile.Load(spaceFile).Family;
        var bases = RunRecord.Load(run).Status!.Front
            .SelectMany(f => ((KanBasisGenome)family.Parse(f.Genome)).Layers)
            .SelectMany(l => l.Overrides.Select(o => o.Basis).Prepend(l.Basis))
            .SelectMany(b => b is SelectBasis s ? s.Candidates : [b])
            .DistinctBy(b => b.Text).ToArray();
        Assert.NotEmpty(bases);
        var plots = page.All("svg", "basis-plot").ToArray();
        Assert.Equal(bases.Select(b => b.Text).Order(StringComparer.Ordinal), plots.Select(p => p.Attribute("data-basis")!.Value));
        foreach (var basis in bases)
        {
            var plot = plots.Single(p => p.Attribute("data-basis")!.Value == basis.Text);
            var features = ReportPage.Within(plot, "polyline", "basis-fn").ToArray();
            Assert.Equal(KanReference.FeatureCount(basis), features.Length);
            var atZero = KanReference.Features(basis, 0);
            var yr = plot.Attribute("data-y-range")!.Value.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            for (int c = 0; c < features.Length; c++)
            {
                var middle = ReportPage.DataPoints(features[c])[100];
                Assert.Equal(0, middle.X, 1e-2);
                Assert.Equal(atZero[c], middle.Y, 0.01 * (yr[1] - yr[0]));
            }
        }
    }
}
