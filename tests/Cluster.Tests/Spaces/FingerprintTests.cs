using Cluster.Spaces;

namespace Cluster.Tests.Spaces;

/// <summary>The space fingerprint follows content, not formatting, and leaves the budget out.</summary>
public sealed class FingerprintTests
{
    private static ulong Of(string yaml) => SpaceFiles.Load(yaml).Fingerprint;

    [Fact]
    public void Same_content_gives_the_same_fingerprint()
    {
        ulong a = Of(SpaceFiles.Valid), b = Of(SpaceFiles.Valid);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Formatting_comments_order_and_spelled_out_defaults_do_not_count()
    {
        string reformatted = SpaceFiles.Valid
            .Replace("seed: 3", "seed: 3   # a comment")
            .Replace("unary: [sin, tanh, relu]", "unary:\n    - sin\n    - tanh\n    - relu")
            .Replace("  mode: free\n", "  mode: \"free\"\n  max_depth: 8\n")          // 8 is the default
            .Replace("baselines: [relu(x), gelu(x)]", "baselines: ['relu( x )', gelu(x)]"); // same canonical genome
        Assert.Equal(Of(SpaceFiles.Valid), Of(reformatted));
    }

    [Theory]
    [InlineData("evaluation:\n  tasks: [fmnist-deep-mlp]\n", "")]
    [InlineData("evaluation:\n  tasks: [fmnist-deep-mlp]\n", "evaluation:\n  tasks: [fmnist-deep-mlp]\n  seeds: 1\nrejection:\n  hurdle: on\n  equivalence_cache: true\n")]
    [InlineData("name: t", "name: renamed")]
    public void Absent_sections_equal_their_defaults_and_the_name_does_not_count(string from, string to)
    {
        Assert.Equal(Of(SpaceFiles.Valid), Of(SpaceFiles.Valid.Replace(from, to)));
    }

    [Theory]
    [InlineData("evaluation:\n  tasks: [fmnist-deep-mlp]\n", "rejection:\n  hurdle: off\n")]
    [InlineData("evaluation:\n  tasks: [fmnist-deep-mlp]\n", "evaluation:\n  tasks: [fmnist-deep-mlp]\n  epochs: 2\n")]
    [InlineData("seed: 3", "seed: 4")]
    [InlineData("max_nodes: 12", "max_nodes: 13")]
    [InlineData("unary: [sin, tanh, relu]", "unary: [sin, tanh]")]
    [InlineData("population: 8", "population: 9")]
    [InlineData("baselines: [relu(x), gelu(x)]", "baselines: [relu(x)]")]
    [InlineData("  - metric: validation_accuracy", "  - metric: validation_accuracy\n    direction: minimize")]
    public void A_changed_value_changes_the_fingerprint(string from, string to)
    {
        Assert.NotEqual(Of(SpaceFiles.Valid), Of(SpaceFiles.Valid.Replace(from, to)));
    }

    [Fact]
    public void The_budget_is_left_out_so_a_finished_run_can_be_extended()
    {
        var more = SpaceFiles.Load(SpaceFiles.Valid.Replace("max_evaluations: 20", "max_evaluations: 40\n  wall_time_seconds: 60"));
        Assert.Equal(Of(SpaceFiles.Valid), more.Fingerprint);
        Assert.Equal(40, more.Engine.MaxEvaluations);
        Assert.Equal(TimeSpan.FromSeconds(60), more.WallTime);
    }
}
