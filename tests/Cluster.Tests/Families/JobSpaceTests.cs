using Cluster.Protocol;
using Cluster.Spaces;
using Cluster.Workers;
using Evaluators.Candidates;
using Evaluators.Compile;
using Evaluators.Families;
using Evaluators.Models;
using Evaluators.Runtime;
using Evaluators.Tasks;
using Evaluators.Training;
using Search.Core;
using Search.Rejection;
using static TorchSharp.torch;

namespace Cluster.Tests.Families;

/// <summary>Workers compile with exactly the family settings the user wrote, carried by every job.</summary>
public sealed class JobSpaceTests
{
    // Depth 9, 17 nodes: beyond the activation family's defaults (24 nodes, depth 8) in depth.
    private const string DeepSeed = "tanh(sin(cos(tanh(sin(cos(tanh(sin(x)))))))) + x * sigmoid(x) + relu(x)";

    public JobSpaceTests() => TorchRuntime.EnsureReady(1);

    /// <summary>The evaluator with the plan's task trained on generated spirals (seconds, no files).</summary>
    private static CandidateEvaluator Evaluator() => new(new CandidateEvaluatorOptions
    {
        Threads = 1,
        ResolveTask = name => new ProxyTask(name, "spirals", new Mlp(16, 16), new TrainingSettings { Epochs = 1, BatchSize = 50, ValidationFraction = 0.2 }, "spirals"),
    });

    [Fact]
    public void An_activation_space_with_higher_limits_evaluates_its_deep_seeds()
    {
        var space = SearchSpaceFile.Parse(FamilyYaml.Space("activation", "fmnist-deep-mlp", "max_nodes: 40\nmax_depth: 12", DeepSeed), "deep.yaml");
        string seed = space.Family.Parse(DeepSeed).Text;
        Assert.Contains(seed, ((SeededFamily)space.Family).Seeds.Select(g => g.Text));
        using var evaluator = Evaluator();

        var sent = FamilyYaml.FirstJob(space);
        Assert.Equal(seed, sent.GenomeText);
        var report = evaluator.Evaluate(new FamilySpaceCache().Resolve(sent), NoEquivalenceLookup.Instance, default);
        Assert.Equal(EvaluationStatus.Accepted, report.Result.Status);
        Assert.Equal(0, report.Stages[StageNames.Structural].Rejected);

        // The same job without the run's section compiles with the defaults: the seed is then out of bounds.
        var defaults = evaluator.Evaluate(sent.ToEvaluationJob(), NoEquivalenceLookup.Instance, default);
        Assert.Equal((EvaluationStatus.Rejected, StageNames.Structural), (defaults.Result.Status, defaults.Result.Stage));
        Assert.Contains("limit 8", defaults.Result.Reason);
    }

    [Fact]
    public void A_norm_act_space_with_eight_groups_trains_with_eight_groups()
    {
        var space = SearchSpaceFile.Parse(FamilyYaml.Space("norm-act", "fmnist-plaincnn", "groups: 8", "x / group_std(x) * gamma + beta"), "groups.yaml");
        var job = new FamilySpaceCache().Resolve(FamilyYaml.FirstJob(space));
        var compiled = job.Space!.Family.Compiler(job.Space.Settings).Compile(job.GenomeText);

        using var scope = NewDisposeScope();
        using var model = new PlainCnnTemplate().Build([1, 28, 28], 10, compiled.Slot);
        var layers = model.modules().OfType<NormActModule>().ToArray();
        Assert.Equal([16, 16, 32, 32, 64, 64], layers.Select(l => l.Channels));
        Assert.All(layers, l => Assert.Equal(8, l.Groups)); // the family default (32) would give 16, 16, 32, 32, 32, 32

        // The group statistic really spans C/8 channels: compare one layer with the (N, 8, C/8, H, W) computation.
        var layer = layers[2];
        layer.train();
        var x = randn(4, 32, 5, 5, dtype: ScalarType.Float32);
        var y = layer.forward(x);
        var grouped = x.reshape(4, 8, 4, 5, 5);
        var std = grouped.var([2, 3, 4], unbiased: false, keepdim: true).add(1e-5).sqrt();
        var expected = grouped.div(std).reshape(4, 32, 5, 5);
        Assert.Equal(x.shape, y.shape);
        Assert.True(y.allclose(expected, rtol: 1e-4, atol: 1e-5), $"max difference {y.sub(expected).abs().max().item<float>()}");
    }
}
