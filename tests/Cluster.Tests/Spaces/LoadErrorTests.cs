using Cluster.Spaces;

namespace Cluster.Tests.Spaces;

/// <summary>Each kind of bad file is refused with the right line, column and a message saying what was expected.</summary>
public sealed class LoadErrorTests
{
    [Fact]
    public void Valid_template_loads()
    {
        var space = SpaceFiles.Load(SpaceFiles.Valid);
        Assert.Equal("t", space.Name);
        Assert.Equal(20, space.Engine.MaxEvaluations);
        Assert.Equal(["relu(x)", "gelu(x)"], space.Baselines);
    }

    [Theory]
    // unknown keys: at the key, with the known keys
    [InlineData(2, "famly: {}", 2, 1, "unknown key 'famly' in the top level; known keys: name, seed, family")]
    [InlineData(7, "  max_node: 12", 7, 3, "unknown key 'max_node' in 'family'; known keys: name, mode, unary")]
    [InlineData(11, "  tournament: 3", 11, 3, "unknown key 'tournament' in 'strategy'; known keys: name, population, sample, crossover, weights")]
    // wrong types and ranges: at the value
    [InlineData(7, "  max_nodes: lots", 7, 14, "expected an integer for 'max_nodes', got 'lots'")]
    [InlineData(7, "  max_nodes: [1, 2]", 7, 14, "expected an integer for 'max_nodes', got a list")]
    [InlineData(7, "  max_nodes: 3", 7, 14, "value 3 of 'max_nodes' is out of range; expected 7..1000")]
    [InlineData(2, "seed: -1", 2, 7, "value -1 of 'seed' is out of range")]
    [InlineData(10, "  population: 0", 10, 15, "value 0 of 'population' is out of range; expected at least 1")]
    // unknown names: at the name, with the choices
    [InlineData(6, "  unary: [sin, frob, relu]", 6, 16, "unknown unary primitive 'frob' in 'unary'; choices: ")]
    [InlineData(5, "  mode: wild", 5, 9, "unknown mode 'wild' for 'mode'; choices: free, core-unit, correction")]
    [InlineData(4, "  name: conv", 4, 9, "unknown family 'conv'; choices: activation, norm-act, kan-basis, routing")]
    [InlineData(9, "  name: evolve", 9, 9, "unknown strategy 'evolve'; choices: aging, nsga2, multitask-tournament, islands")]
    [InlineData(15, "  tasks: [fmnist-deep-mlp, cifar]", 15, 28, "unknown proxy task 'cifar'; choices: fmnist-mlp, ")]
    [InlineData(13, "  - metric: val_acc", 13, 13, "unknown metric 'val_acc'; choices: validation_accuracy")]
    [InlineData(13, "  - metric: validation_accuracy@fmnist-cnn", 13, 13, "names task 'fmnist-cnn', which is not among the evaluation tasks")]
    // missing required keys: at the mapping that lacks them
    [InlineData(17, "  max_evals: 20", 17, 3, "unknown key 'max_evals' in 'budget'; known keys: max_evaluations, wall_time_seconds")]
    [InlineData(1, "# no name", 2, 1, "missing required key 'name' in the top level")]
    // cross-field checks of the strategy, at the offending key
    [InlineData(11, "  sample: 9", 11, 11, "inconsistent strategy settings: 'sample' = 9 must be in [1, 8]")]
    public void Reports_position_and_expectation(int line, string replacement, int errorLine, int errorColumn, string message)
    {
        var e = SpaceFiles.LoadFails(SpaceFiles.WithLine(line, replacement));
        Assert.Contains(message, e.Problem);
        Assert.Equal((errorLine, errorColumn), (e.Line, e.Column));
        Assert.EndsWith(".yaml", e.File);
        Assert.StartsWith($"{e.File}:{errorLine}:{errorColumn}: ", e.Message);
    }

    [Fact]
    public void Missing_budget_is_reported_at_the_top_mapping()
    {
        var e = SpaceFiles.LoadFails(SpaceFiles.WithLine(17, null).Replace("budget:\n", ""));
        Assert.Contains("missing required key 'budget' in the top level", e.Problem);
        Assert.Equal((1, 1), (e.Line, e.Column));
    }

    [Theory]
    // plain, single-quoted and double-quoted scalars: the column of the unknown name inside the text
    [InlineData("baselines: [relu(x), relu(x) + frob(x)]", 32)]
    [InlineData("baselines: ['relu(x) + frob(x)']", 24)]
    [InlineData("baselines: [\"relu(x) + frob(x)\"]", 24)]
    [InlineData("baselines: [\"\\x78 + frob(x)\"]", 21)]
    public void Genome_parse_error_points_into_the_text(string line, int column)
    {
        var e = SpaceFiles.LoadFails(SpaceFiles.WithLine(18, line));
        Assert.Contains("is not a valid activation genome", e.Problem);
        Assert.Equal((18, column), (e.Line, e.Column));
    }

    [Fact]
    public void Seed_outside_the_space_is_refused()
    {
        var yaml = SpaceFiles.WithLine(5, "  mode: correction") + "\ninitial:\n  seeds: [relu(x)]\n";
        var e = SpaceFiles.LoadFails(yaml);
        Assert.Contains("initial seed 'relu(x)' is outside the space", e.Problem);
        Assert.Equal((20, 11), (e.Line, e.Column));
    }

    [Fact]
    public void Invalid_yaml_is_reported_with_its_position()
    {
        var e = SpaceFiles.LoadFails(SpaceFiles.WithLine(6, "  unary: [sin, tanh"));
        Assert.Contains("not valid YAML", e.Problem);
        Assert.True(e.Line >= 6, $"line {e.Line}");
    }

    [Fact]
    public void Empty_file_is_refused()
    {
        var e = SpaceFiles.LoadFails("# nothing here\n");
        Assert.Equal((1, 1), (e.Line, e.Column));
        Assert.Contains("empty", e.Problem);
    }

    [Fact]
    public void Inconsistent_family_settings_are_reported_at_the_family()
    {
        var yaml = SpaceFiles.Valid.Replace("  name: activation\n", "  name: kan-basis\n  per_node: true\n  layers: 2\n  widths: [4]\n")
            .Replace("  mode: free\n", "").Replace("  unary: [sin, tanh, relu]\n", "").Replace("  max_nodes: 12\n", "")
            .Replace("baselines: [relu(x), gelu(x)]", "");
        var e = SpaceFiles.LoadFails(yaml);
        Assert.Contains("inconsistent family settings", e.Problem);
        Assert.Contains("Widths", e.Problem);
        Assert.Equal((4, 3), (e.Line, e.Column));
    }

    [Fact]
    public void Weights_need_one_per_objective()
    {
        var e = SpaceFiles.LoadFails(SpaceFiles.WithLine(11, "  weights: [1, 2]"));
        Assert.Contains("needs one weight per objective (1), got 2", e.Problem);
        Assert.Equal((11, 12), (e.Line, e.Column));
    }

    [Theory]
    [InlineData("  name: islands\n  inner: {name: evolve}", 10, 17, "unknown strategy 'evolve'; choices: aging, nsga2, multitask-tournament")]
    [InlineData("  name: islands\n  inner: islands", 10, 10, "unknown inner strategy 'islands'; choices: aging, nsga2, multitask-tournament")]
    [InlineData("  name: islands\n  inner:\n    name: aging\n    sample: 0", 12, 13, "value 0 of 'sample' is out of range")]
    [InlineData("  name: islands\n  inner:\n    name: aging\n    population: 4", 9, 3, "inconsistent strategy settings: 'sample' = (default) must be in [1, 4]")]
    public void Nested_strategy_errors_point_into_the_inner_mapping(string strategy, int line, int column, string message)
    {
        var e = SpaceFiles.LoadFails(SpaceFiles.Valid.Replace("  name: aging\n  population: 8\n  sample: 3", strategy));
        Assert.Contains(message, e.Problem);
        Assert.Equal((line, column), (e.Line, e.Column));
    }

    [Theory]
    [InlineData("  - metric: validation_accuracy\n  - metric: validation_accuracy", 14, 5, "objective name 'validation_accuracy' is used twice")]
    [InlineData("  - metric: validation_accuracy\n    direction: up", 14, 16, "unknown direction 'up' for 'direction'; choices: maximize, minimize")]
    [InlineData("  - validation_accuracy", 13, 5, "expected a mapping for 'objectives.0'")]
    public void Objective_errors(string objectives, int line, int column, string message)
    {
        var e = SpaceFiles.LoadFails(SpaceFiles.Valid.Replace("  - metric: validation_accuracy", objectives));
        Assert.Contains(message, e.Problem);
        Assert.Equal((line, column), (e.Line, e.Column));
    }

    [Fact]
    public void Unknown_hurdle_task_lists_the_proxy_tasks()
    {
        var e = SpaceFiles.LoadFails(SpaceFiles.Valid + "\nrejection:\n  hurdle:\n    task: imagenet\n");
        Assert.Contains("unknown proxy task 'imagenet' for 'task'; choices: fmnist-mlp", e.Problem);
        Assert.Equal((21, 11), (e.Line, e.Column));
    }
}
