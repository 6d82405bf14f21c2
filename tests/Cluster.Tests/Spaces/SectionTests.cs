using Cluster.Spaces;
using Search.Configuration;
using Search.Core;
using Search.Genomes.KanBasis;
using Search.Genomes.NormAct;
using Search.Genomes.Routing;
using Search.Strategies;

namespace Cluster.Tests.Spaces;

/// <summary>Settings of every family and of the evaluation reach the objects built from them.</summary>
public sealed class SectionTests
{
    private static string WithFamily(string family, string baselines = "") =>
        SpaceFiles.Valid.Replace("  name: activation\n  mode: free\n  unary: [sin, tanh, relu]\n  max_nodes: 12\n", family)
            .Replace("baselines: [relu(x), gelu(x)]", baselines);

    private static T Inner<T>(SearchSpace space) => Assert.IsType<T>(space.Family.GetType().GetProperty("Inner")!.GetValue(space.Family));

    [Fact]
    public void Norm_act_settings_apply()
    {
        var space = SpaceFiles.Load(WithFamily(
            "  name: norm-act\n  elementwise: [neg, sigmoid, square]\n  aggregates: [batch_mean, group_std]\n  binary: [add, mul]\n  max_nodes: 10\n  intermediate: [2, 5]\n",
            "baselines: ['max((x - batch_mean(x)) / batch_std(x) * gamma + beta, 0)']"));
        var family = Inner<NormActFamily>(space);
        Assert.Equal(10, family.Space.MaxNodes);
        Assert.Equal((2, 5), (family.Space.MinIntermediate, family.Space.MaxIntermediate));
        Assert.Equal(2, family.Space.Aggregates.Count);
        Assert.Single(space.Baselines);
    }

    [Fact]
    public void Norm_act_limits_and_groups_beyond_the_defaults_are_taken_as_written()
    {
        // Jobs carry the family section, so workers compile with these values: nothing is refused or replaced.
        var space = SpaceFiles.Load(WithFamily("  name: norm-act\n  groups: 8\n  max_nodes: 20\n  max_depth: 11\n  max_tree_size: 100\n", "baselines: []"));
        var settings = Assert.IsType<NormActSpace>(space.FamilySpace!.Settings);
        Assert.Equal((8, 20, 11, 100), (settings.Groups, settings.MaxNodes, settings.MaxDepth, settings.MaxTreeSize));
        Assert.Contains("groups: 8", space.FamilySpace.Text);
    }

    /// <summary>A family section read directly, whether or not its family can be evaluated (routing spaces are refused at load).</summary>
    private static T Settings<T>(string family) => Assert.IsType<T>(SearchSpaceFile.ReadFamilySettings("family:\n" + family, "family.yaml").Space.Settings);

    [Fact]
    public void Kan_basis_settings_apply()
    {
        const string family = "  name: kan-basis\n  layers: 3\n  allowed: [bspline, chebyshev, select]\n  grid: [3, 8]\n  af_activations: [silu, leaky_relu]\n";
        var space = Settings<KanSpace>(family);
        Assert.Equal(3, space.Layers);
        Assert.Equal([KanBasisKind.BSpline, KanBasisKind.Chebyshev, KanBasisKind.Select], space.Allowed);
        Assert.Equal((3, 8), (space.Grid.Min, space.Grid.Max));
        Assert.Equal([AfActivation.Silu, AfActivation.LeakyRelu], space.AfActivations);
        var genomes = SearchSpaceFile.ReadFamilySettings("family:\n" + family, "family.yaml").Family;
        var genome = genomes.Random(new Rng(1));
        Assert.Equal(genome.Text, genomes.Parse(genome.Text).Text);
        Assert.Equal("kan-basis", SpaceFiles.Load(WithFamily(family, "baselines: []")).Family.Name);
    }

    [Fact]
    public void Routing_settings_apply()
    {
        var space = Settings<RoutingSpace>("  name: routing\n  gates: [noisy_topk, expert_choice]\n  experts: [4, 16]\n  temperature: [0.5, 2]\n");
        Assert.Equal([GateType.NoisyTopK, GateType.ExpertChoice], space.Gates);
        Assert.Equal((4, 16), (space.Experts.Min, space.Experts.Max));
        Assert.Equal(0.5, space.Temperature.Min);
    }

    [Fact]
    public void Evaluation_and_rejection_settings_apply()
    {
        var space = SpaceFiles.Load(SpaceFiles.Valid.Replace("  tasks: [fmnist-deep-mlp]\n",
            "  tasks: [fmnist-deep-mlp, fmnist-mlp]\n  seeds: 2\n  epochs: 1\n  train_subset: 5000\nrejection:\n  sanity:\n    max_abs_output: 100\n  hurdle: off\n  equivalence_cache: false\n")
            .Replace("  - metric: validation_accuracy\n", "  - metric: validation_accuracy@fmnist-mlp\n    name: mlp\n  - metric: parameters\n"));
        var plan = space.Evaluation;
        Assert.Equal(["fmnist-deep-mlp", "fmnist-mlp"], plan.Tasks);
        Assert.Equal((2, 1, 5000), (plan.Seeds, plan.Epochs, plan.TrainSubset));
        Assert.Equal(100, plan.Sanity.MaxAbsOutput);
        Assert.Equal(new Evaluators.Candidates.SanitySettings().MinOutputStd, plan.Sanity.MinOutputStd);
        Assert.Null(plan.Hurdle);
        Assert.False(plan.EquivalenceCache);
        Assert.Equal(["validation_accuracy@fmnist-mlp", "parameters"], plan.Objectives);
        Assert.Equal([new Objective("mlp", Direction.Maximize), new Objective("parameters", Direction.Minimize)], space.Objectives.Items);
    }

    [Theory]
    [InlineData("", null, null)]
    [InlineData("  stability: off\n", false, 10)]
    [InlineData("  stability: on\n", true, 10)]
    [InlineData("  stability:\n    steps: 3\n    max_gradient_norm: 1e6\n", true, 3)]
    public void Stability_is_the_familys_default_unless_set(string yaml, bool? enabled, int? steps)
    {
        var space = SpaceFiles.Load(SpaceFiles.Valid.Replace("  tasks: [fmnist-deep-mlp]\n", "  tasks: [fmnist-deep-mlp]\n" + (yaml.Length == 0 ? "" : "rejection:\n" + yaml)));
        var stability = space.Evaluation.Stability;
        Assert.Equal(enabled, stability?.Enabled);
        Assert.Equal(steps, stability?.Steps);
        if (steps == 3) Assert.Equal(1e6, stability!.MaxGradientNorm);
    }

    /// <summary>The loader's table of strategy settings must match what the registry reads: each listed key is read, none is left over.</summary>
    [Fact]
    public void Every_listed_strategy_setting_is_read_by_the_registry()
    {
        var sample = new Dictionary<string, string>
        {
            ["population"] = "10", ["sample"] = "3", ["crossover"] = "0.5", ["mutation"] = "0.5", ["weights"] = "1",
            ["islands"] = "2", ["migration_interval"] = "5", ["migrants"] = "1", ["inner"] = "aging",
            ["offspring"] = "10", ["selection"] = "tournament", ["reinsertion"] = "elitist", ["termination"] = "stagnation",
        };
        Assert.Equal(StrategyRegistry.Names.Order(), Cluster.Spaces.Sections.StrategyKeys.Of.Keys.Order());
        foreach (var (name, keys) in Cluster.Spaces.Sections.StrategyKeys.Of)
        {
            var settings = new Settings(keys.Keys.ToDictionary(k => k, k => sample[k]));
            StrategyRegistry.Create<IGenome>(name, settings);
            Assert.Empty(settings.Unused);
        }
    }
}
