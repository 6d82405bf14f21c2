using Search.Variation;
using Cluster.Spaces;
using Evaluators.Tasks;
using Search.Core;
using Search.Genomes.Activation;

namespace Cluster.Tests.Spaces;

/// <summary>The files in searchspaces/ load, say what they promise, and the embedded copies are the files.</summary>
public sealed class ShippedSpacesTests
{
    public static TheoryData<string> ActivationSpaces => ["activation-default", "eafo-corrections", "swish-core-units"];
    public static TheoryData<string> EvoNormSpaces => ["evonorm", "evonorm-from-bnrelu"];

    [Theory]
    [MemberData(nameof(ActivationSpaces))]
    public void Activation_spaces_load(string name)
    {
        var space = SearchSpaceFile.Load(SpaceFiles.PathOf(name));
        Assert.Equal(name, space.Name);
        Assert.Equal("activation", space.Family.Name);
        Assert.Equal(["fmnist-deep-mlp"], space.Evaluation.Tasks);
        Assert.NotNull(space.Evaluation.Hurdle);
        Assert.Equal(space.Fingerprint, space.Engine.SpaceFingerprint);
        Assert.Equal("aging", space.CreateStrategy().Name);
        Assert.Contains("relu(x)", space.Baselines);
    }

    [Fact]
    public void Default_is_the_small_free_aging_multi_fidelity_search_with_four_baselines()
    {
        var space = SearchSpaceFile.Load(SpaceFiles.PathOf(SearchSpaceFile.DefaultName));
        var family = Assert.IsType<ErasedFamily<ActivationGenome>>(space.Family);
        var activation = Assert.IsType<ActivationFamily>(family.Inner);
        Assert.Equal(ActivationMode.Free, activation.Space.Mode);
        Assert.InRange(space.Engine.MaxEvaluations, 60, 400);
        Assert.Equal(["relu(x)", "gelu(x)", "silu(x)", "elu(x)"], space.Baselines);
        // Every candidate at 1 epoch, then promotions to the task's 3 epochs and to 3 seeds; the front stands on the top rung.
        Assert.Equal(3, space.Engine.Fidelity!.Rungs);
        Assert.Equal([(1, 1), (3, 1), (3, 3)], space.RungPlans.Select(p => (p.Epochs!.Value, p.Seeds)));
        var strategy = Assert.IsType<Search.Strategies.AgingEvolution<IGenome>>(space.CreateStrategy());
        Assert.Equal((16, 4), (strategy.Options.PopulationSize, strategy.Options.SampleSize));
        Assert.Equal(Direction.Maximize, Assert.Single(space.Objectives.Items).Direction);
        Assert.Equal(["validation_accuracy"], space.Evaluation.Objectives);
        Assert.NotNull(space.CreateTermination());
    }

    [Fact]
    public void Eafo_corrections_start_partly_from_crrelu()
    {
        var space = SearchSpaceFile.Load(SpaceFiles.PathOf("eafo-corrections"));
        var seeded = Assert.IsType<SeededFamily>(space.Family);
        var crrelu = Assert.Single(seeded.Seeds);
        Assert.Equal(new ActivationFamily().Parse("relu(x) + @e(0.01) * x * exp(-x^2 / 2)").Text, crrelu.Text);
        var inner = Assert.IsType<ActivationFamily>(Assert.IsType<ErasedFamily<ActivationGenome>>(seeded.Inner).Inner);
        Assert.Equal(ActivationMode.Correction, inner.Space.Mode);
        Assert.Equal([Search.Genomes.Expressions.UnaryOp.Relu, Search.Genomes.Expressions.UnaryOp.Gelu,
            Search.Genomes.Expressions.UnaryOp.Silu, Search.Genomes.Expressions.UnaryOp.Tanh], inner.Space.CorrectionBases);
    }

    [Fact]
    public void Swish_core_units_use_ramachandrans_set()
    {
        var space = SearchSpaceFile.Load(SpaceFiles.PathOf("swish-core-units"));
        var inner = Assert.IsType<ActivationFamily>(Assert.IsType<ErasedFamily<ActivationGenome>>(space.Family).Inner);
        Assert.Equal(ActivationMode.CoreUnit, inner.Space.Mode);
        Assert.Equal(ActivationPrimitives.Ramachandran, inner.Space.Unary);
    }

    /// <summary>
    /// The EvoNorm spaces train on fmnist-resnet, fmnist-mobilenet and fmnist-plaincnn. Until those
    /// proxy tasks are registered, loading must fail on the first of them, at its place in the file.
    /// </summary>
    [Theory]
    [MemberData(nameof(EvoNormSpaces))]
    public void Evonorm_spaces_load_once_their_tasks_exist(string name)
    {
        string path = SpaceFiles.PathOf(name);
        bool tasksExist = ProxyTasks.List.Any(t => t.Name == "fmnist-resnet");
        if (tasksExist)
        {
            var space = SearchSpaceFile.Load(path);
            Assert.Equal("norm-act", space.Family.Name);
            Assert.Equal(3, space.Objectives.Count);
            Assert.Equal("multitask-tournament", space.StrategyName);
            Assert.Equal((true, 10, 1e8), (space.Evaluation.Stability!.Enabled, space.Evaluation.Stability.Steps, space.Evaluation.Stability.MaxGradientNorm));
            Assert.Equal(("fmnist-plaincnn", 100, 0.2), (space.Evaluation.Hurdle!.Task, space.Evaluation.Hurdle.Steps, space.Evaluation.Hurdle.MinValidationAccuracy));
            return;
        }
        var e = Assert.Throws<SearchSpaceException>(() => SearchSpaceFile.Load(path));
        Assert.Contains("unknown proxy task 'fmnist-resnet'", e.Problem);
        int line = File.ReadAllLines(path).ToList().FindIndex(l => l.TrimStart().StartsWith("tasks:", StringComparison.Ordinal)) + 1;
        Assert.Equal(line, e.Line);
    }

    [Fact]
    public void Evonorm_from_bnrelu_seeds_parse_and_fit_the_space()
    {
        // Independent of the proxy tasks: the family part of the file, with a task that exists.
        string text = File.ReadAllText(SpaceFiles.PathOf("evonorm-from-bnrelu"));
        text = text.Replace("@fmnist-resnet", "").Replace("@fmnist-mobilenet", "@fmnist-cnn").Replace("@fmnist-plaincnn", "@fmnist-mlp")
            .Replace("[fmnist-resnet, fmnist-mobilenet, fmnist-plaincnn]", "[fmnist-cnn, fmnist-mlp]")
            .Replace("task: fmnist-plaincnn", "task: fmnist-cnn");
        var space = SearchSpaceFile.Parse(text, "evonorm-from-bnrelu (tasks replaced)");
        var seeded = Assert.IsType<SeededFamily>(space.Family);
        Assert.Equal((1.0, 0.0), (seeded.Share, seeded.MutateChance));
        var rng = new Rng(5);
        for (int i = 0; i < 10; i++) Assert.Equal(seeded.Seeds[0].Text, seeded.Random(rng).Text);
    }

    [Fact]
    public void Kan_basis_space_searches_fit_against_size_from_the_published_defaults()
    {
        var space = SearchSpaceFile.Load(SpaceFiles.PathOf("kan-basis"));
        Assert.Equal("kan-basis", space.Family.Name);
        Assert.Equal("nsga2", space.StrategyName);
        Assert.Equal(["validation_rmse", "parameters"], space.Evaluation.Objectives);
        Assert.All(space.Objectives.Items, o => Assert.Equal(Direction.Minimize, o.Direction));
        Assert.Equal(["kan-expsin"], space.Evaluation.Tasks);
        Assert.Null(space.Evaluation.Hurdle);
        Assert.Equal(["bspline(grid=5,order=3) | bspline(grid=5,order=3)", "rbf(centers=8,width=1,range=2) | rbf(centers=8,width=1,range=2)", "mlp"], space.Baselines);
        var settings = Assert.IsType<Search.Genomes.KanBasis.KanSpace>(space.FamilySpace!.Settings);
        Assert.Contains(Search.Genomes.KanBasis.KanBasisKind.Select, settings.Allowed);
    }

    [Fact]
    public void Routing_searches_loss_active_experts_and_max_vio_with_four_baseline_routers()
    {
        var space = SearchSpaceFile.Load(SpaceFiles.PathOf("routing"));
        Assert.Equal("routing", space.Family.Name);
        Assert.Equal("nsga2", space.StrategyName);
        Assert.Equal(["validation_loss", "active_experts", "max_vio"], space.Evaluation.Objectives);
        Assert.All(space.Objectives.Items, o => Assert.Equal(Direction.Minimize, o.Direction));
        Assert.Equal(["moe-fmnist"], space.Evaluation.Tasks);
        Assert.Equal(4, space.Baselines.Count);
        var baselines = space.Baselines.Select(space.Family.Parse).Select(g => g.Text).ToArray();
        Assert.Equal(space.Baselines, baselines); // written canonically
        var settings = Assert.IsType<Search.Genomes.Routing.RoutingSpace>(space.FamilySpace!.Settings);
        Assert.Contains(Search.Genomes.Routing.GateType.TopP, settings.Gates);
        Assert.Equal(TimeSpan.FromMinutes(30), space.WallTime);
    }

    [Fact]
    public void Every_shipped_file_is_embedded_byte_for_byte()
    {
        var files = Directory.GetFiles(SpaceFiles.Folder, "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(files, SearchSpaceFile.EmbeddedNames);
        foreach (var name in files)
            Assert.Equal(File.ReadAllText(SpaceFiles.PathOf(name)), SearchSpaceFile.EmbeddedText(name));
    }

    [Fact]
    public void Embedded_default_equals_the_file()
    {
        var embedded = SearchSpaceFile.LoadEmbedded();
        var file = SearchSpaceFile.Load(SpaceFiles.PathOf(SearchSpaceFile.DefaultName));
        Assert.Equal("embedded:activation-default", embedded.Source);
        Assert.Equal(file.Fingerprint, embedded.Fingerprint);
        Assert.Equal(file.Engine, embedded.Engine);
        Assert.Equal(file.Evaluation.Tasks, embedded.Evaluation.Tasks);
    }

    [Fact]
    public void Unknown_embedded_name_lists_the_known_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => SearchSpaceFile.LoadEmbedded("nope"));
        Assert.Contains("activation-default", e.Message);
    }
}
