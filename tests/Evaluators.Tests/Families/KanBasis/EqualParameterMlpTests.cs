using Evaluators.Candidates;
using Evaluators.Families;
using Evaluators.Families.KanBasis;
using Evaluators.Models;
using Evaluators.Runtime;
using Evaluators.Slots;
using Search.Core;
using Search.Genomes.KanBasis;
using Search.Rejection;
using TorchSharp;

namespace Evaluators.Tests.Families.KanBasis;

/// <summary>
/// The kan-basis family's "mlp" baseline: its widths match the B-spline KAN's parameter count, the
/// KAN templates build it whole, and the evaluator trains it by name like a genome.
/// </summary>
public class EqualParameterMlpTests
{
    public EqualParameterMlpTests() => TorchRuntime.EnsureReady(1);

    private static long Parameters(IModelTemplate template, ISlotFactory slot, int inputs, int outputs)
    {
        using var model = template.Build([inputs], outputs, slot);
        return model.parameters().Sum(p => p.numel());
    }

    private static readonly ISlotFactory ReferenceKan = new KanGenomeSlot(
        KanBasisParser.Parse(new KanSpace { Layers = 3 }, "bspline(grid=5,order=3) | bspline(grid=5,order=3) | bspline(grid=5,order=3)"));

    [Theory]
    [InlineData(new[] { 64 }, 784, 10, 508_160, 639, 508_015)] // efficient-kan's [784, 64, 10] against [784, 639, 10]
    [InlineData(new[] { 1 }, 2, 1, 30, 7, 29)]                 // the KAN paper's [2, 1, 1]
    [InlineData(new int[0], 1, 1, 10, 3, 10)]                  // [1, 1]: still one hidden layer
    [InlineData(new[] { 4, 2 }, 4, 1, 260, 13, 261)]           // [4, 4, 2, 1]: two hidden layers of 13
    public void The_mlp_has_the_parameters_of_the_bspline_kan_it_stands_for(int[] hidden, int inputs, int outputs, long kan, int width, long mlp)
    {
        var template = new LinearSlotNet(hidden);
        var widths = hidden.Append(outputs).ToArray();
        Assert.Equal(kan, EqualParameterMlp.KanParameters(inputs, widths));
        Assert.Equal(kan, Parameters(template, ReferenceKan, inputs, outputs)); // the count is the built KAN's, not only a formula
        Assert.All(EqualParameterMlp.HiddenWidths(inputs, widths), h => Assert.Equal(width, h));
        Assert.Equal(Math.Max(1, hidden.Length), EqualParameterMlp.HiddenWidths(inputs, widths).Length);
        Assert.Equal(mlp, Parameters(template, new EqualParameterMlp(), inputs, outputs));
        // No other width comes closer.
        Assert.True(Math.Abs(mlp - kan) <= Math.Abs(EqualParameterMlp.MlpParameters(inputs, width + 1, Math.Max(1, hidden.Length), outputs) - kan));
        Assert.True(Math.Abs(mlp - kan) <= Math.Abs(EqualParameterMlp.MlpParameters(inputs, Math.Max(1, width - 1), Math.Max(1, hidden.Length), outputs) - kan));
    }

    [Fact]
    public void The_built_mlp_is_linear_silu_linear_on_flattened_inputs()
    {
        using var model = new LinearSlotNet(1).Build([2], 1, new EqualParameterMlp());
        var names = model.named_modules().Select(m => m.name).Where(n => n.Length > 0).ToArray();
        Assert.Equal(["flatten", "stack", "stack.linear0", "stack.silu0", "stack.linear1"], names);
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new float[] { 0.5f, -0.25f, 1f, 2f }, [2, 2]);
        var linear0 = (TorchSharp.Modules.Linear)model.named_modules().Single(m => m.name == "stack.linear0").module;
        var linear1 = (TorchSharp.Modules.Linear)model.named_modules().Single(m => m.name == "stack.linear1").module;
        var expected = linear1.forward(torch.nn.functional.silu(linear0.forward(x)));
        Assert.True(torch.allclose(model.forward(x), expected));
    }

    [Fact]
    public void One_slot_alone_is_refused_with_the_reason() =>
        Assert.Contains("whole stack of Linear slots", Assert.Throws<NotSupportedException>(() => new EqualParameterMlp().Create(new SlotSite(3, 2))).Message);

    [Fact]
    public void The_family_offers_it_as_a_builtin_and_baseline_but_trains_a_kan_by_default()
    {
        var family = LayerFamilies.Get("kan-basis");
        Assert.Equal(["mlp"], family.Builtins);
        Assert.Equal(["mlp"], family.BaselineBuiltins);
        Assert.Equal(family.Example, family.DefaultLayer);
        Assert.IsType<EqualParameterMlp>(family.Layer("mlp", family.DefaultSettings));
        Assert.Empty(LayerFamilies.Get("activation").BaselineBuiltins);
        Assert.Equal("relu", LayerFamilies.Get("activation").DefaultLayer);
    }

    [Fact]
    public void The_evaluator_trains_it_by_name_and_counts_its_parameters()
    {
        using var evaluator = new CandidateEvaluator(new CandidateEvaluatorOptions { Threads = 1 });
        var plan = new EvaluationPlan { Tasks = ["kan-xy"], Objectives = ["validation_rmse", "parameters"], Hurdle = null, Epochs = 20 };
        var report = evaluator.Evaluate(new EvaluationJob("kan-basis", "mlp", 3, plan), NoEquivalenceLookup.Instance, default);
        Assert.True(report.Result.Status == EvaluationStatus.Accepted, $"{report.Result.Stage}: {report.Result.Reason}");
        var o = report.Result.Objectives!;
        // [2, 2, 1] B-spline KAN: 60 values; the MLP [2, 14, 1]: 57, [2, 15, 1]: 61 -> 15.
        Assert.Equal(61, o[1]);
        Assert.InRange(o[0], 0, 0.1); // x y has sd 1/3: the MLP learns it
        Assert.Empty(report.Learned);
    }

    [Fact]
    public void Its_probe_is_finite_varied_and_repeatable()
    {
        var compiled = new KanCandidateCompiler(new KanSpace()).Compile("mlp");
        Assert.Equal("mlp", compiled.Text);
        Assert.Null(compiled.LimitProblem);
        var a = compiled.Probe();
        var b = compiled.Probe();
        Assert.Equal(a.Outputs, b.Outputs);
        Assert.All(a.Outputs.Concat(a.Gradients), v => Assert.True(double.IsFinite(v)));
        Assert.True(a.Outputs.Max() - a.Outputs.Min() > 1e-3);
        Assert.NotEqual(ProbeFingerprint.Of(a.Outputs), ProbeFingerprint.Of(new KanCandidateCompiler(new KanSpace()).Compile("bspline(grid=5,order=3) | bspline(grid=5,order=3)").Probe().Outputs));
    }
}
