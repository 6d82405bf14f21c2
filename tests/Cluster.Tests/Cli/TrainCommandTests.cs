namespace Cluster.Tests.Cli;

public class TrainCommandTests
{
    [Fact]
    public void Train_prints_its_metrics_as_name_value_lines()
    {
        var (code, stdout, stderr) = ProgramRunner.Run("train", "--task", "fmnist-mlp", "--epochs", "1", "--threads", "1");
        Assert.True(code == 0, stderr + stdout);
        var lines = stdout.Split('\n').Select(l => l.Trim()).ToList();
        var acc = lines.Single(l => l.StartsWith("test_accuracy: ", StringComparison.Ordinal));
        Assert.InRange(double.Parse(acc["test_accuracy: ".Length..], System.Globalization.CultureInfo.InvariantCulture), 0.75, 1.0);
        Assert.Contains(lines, l => l == "parameters: 235146");
    }

    [Fact]
    public void A_norm_act_task_trains_with_a_norm_act_genome()
    {
        // EvoNorm-S0 on the plain CNN, one epoch over the task's 6,000 images: far above chance (0.1).
        var (code, stdout, stderr) = ProgramRunner.Run("train", "--task", "fmnist-plaincnn", "--epochs", "1", "--threads", "1",
            "--layer", "x * sigmoid(v1 * x) / group_std(x) * gamma + beta");
        Assert.True(code == 0, stderr + stdout);
        var acc = stdout.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("test_accuracy: ", StringComparison.Ordinal));
        Assert.InRange(double.Parse(acc["test_accuracy: ".Length..], System.Globalization.CultureInfo.InvariantCulture), 0.5, 1.0);
    }

    [Theory]
    [InlineData("--activation", "relu(x", "position 7")]
    [InlineData("--layer", "bn-relu", "takes activation layers: give --activation, not --layer")]
    [InlineData("--task", "nope", "unknown proxy task 'nope'")]
    [InlineData("--device", "tpu", "device 'tpu'")]
    public void Bad_input_gets_one_clear_error_and_exit_code_2(string option, string value, string expected)
    {
        var (code, _, stderr) = ProgramRunner.Run("train", option, value, "--epochs", "1");
        Assert.Equal(2, code);
        Assert.Contains(expected, stderr);
        Assert.DoesNotContain("   at ", stderr); // no stack trace
    }

    [Theory]
    [InlineData("--activation", "relu", "takes norm-act layers: give --layer, not --activation")]
    [InlineData("--layer", "x * batch_nope(x)", "batch_nope")]
    public void Bad_input_on_a_norm_act_task_is_named(string option, string value, string expected)
    {
        var (code, _, stderr) = ProgramRunner.Run("train", "--task", "fmnist-resnet", option, value, "--epochs", "1");
        Assert.Equal(2, code);
        Assert.Contains(expected, stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void A_kan_task_trains_with_a_basis_genome_and_reports_rmse()
    {
        var (code, stdout, stderr) = ProgramRunner.Run("train", "--task", "kan-xy", "--epochs", "20", "--threads", "1",
            "--basis", "chebyshev(degree=4) | bspline(grid=5,order=3)");
        Assert.True(code == 0, stderr + stdout);
        var rmse = stdout.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("test_rmse: ", StringComparison.Ordinal));
        // x*y on [-1, 1]^2 has sd 1/3; 20 L-BFGS steps reach about 0.005 (predicting the mean scores 0.33).
        Assert.InRange(double.Parse(rmse["test_rmse: ".Length..], System.Globalization.CultureInfo.InvariantCulture), 0, 0.03);
    }

    [Theory]
    [InlineData("--basis", "bspline(grid=5,order=3) | foo(x=1)", "at position 27: expected a known basis")]
    [InlineData("--activation", "relu", "takes kan-basis layers: give --basis, not --activation")]
    public void Bad_input_on_a_kan_task_is_named(string option, string value, string expected)
    {
        var (code, _, stderr) = ProgramRunner.Run("train", "--task", "kan-xy", option, value, "--epochs", "1");
        Assert.Equal(2, code);
        Assert.Contains(expected, stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void A_routing_task_trains_a_mixture_and_reports_its_measures()
    {
        var (code, stdout, stderr) = ProgramRunner.Run("train", "--task", "moe-fmnist", "--epochs", "1", "--threads", "1",
            "--routing", "gate=softmax_topk experts=4 k=2 tau=1 lb=0.01 capacity=2 zloss=0.001");
        Assert.True(code == 0, stderr + stdout);
        double Value(string name) => double.Parse(stdout.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith(name + ": ", StringComparison.Ordinal))[(name.Length + 2)..],
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(Value("validation_accuracy"), 0.7, 1);  // one epoch of 20k images; chance is 0.1
        Assert.Equal(2, Value("active_experts"));               // capacity 2 = E / k never drops a route
        Assert.Equal(0, Value("dropped_fraction"));
        Assert.InRange(Value("max_vio"), 0, 1);                 // at most (2 mean - mean) / mean with 4 experts of capacity N
        Assert.True(Value("load_cv") >= 0);
    }

    [Theory]
    [InlineData("--routing", "gate=softmax_topk experts=8 k=9 tau=1 lb=0.01 capacity=1.25", "at position 31: expected integer for 'k' (1..8, at most experts=8)")]
    [InlineData("--routing", "gate=expert_choice experts=8 tau=1 capacity=2 bias=0.001", "a key that gate 'expert_choice' takes")]
    [InlineData("--basis", "bspline(grid=5,order=3)", "takes routing layers: give --routing, not --basis")]
    public void Bad_input_on_a_routing_task_is_named(string option, string value, string expected)
    {
        var (code, _, stderr) = ProgramRunner.Run("train", "--task", "moe-fmnist", option, value, "--epochs", "1");
        Assert.Equal(2, code);
        Assert.Contains(expected, stderr);
        Assert.DoesNotContain("   at ", stderr);
    }
}
