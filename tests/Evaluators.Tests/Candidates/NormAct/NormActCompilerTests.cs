using Evaluators.Families;
using Evaluators.Candidates;
using Evaluators.Families.Activation;
using Evaluators.Families.NormAct;
using Evaluators.Compile.Checks;
using Evaluators.Runtime;
using Search.Genomes.NormAct;
using Search.Rejection;

namespace Evaluators.Tests.Candidates.NormAct;

/// <summary>The norm-act compiler: registration, limits, the probe and its fingerprint.</summary>
public class NormActCompilerTests
{
    private static readonly NormActCandidateCompiler Compiler = new();

    public NormActCompilerTests() => TorchRuntime.EnsureReady(1);

    private static ProbeFingerprint Fingerprint(string genome) => ProbeFingerprint.Of(Compiler.Compile(genome).Probe().Outputs);

    [Fact]
    public void The_registered_family_compiles_with_stability_on_while_activations_stay_off()
    {
        var normAct = LayerFamilies.Get("norm-act");
        Assert.True(normAct.Compiler(normAct.DefaultSettings).DefaultStability is { Enabled: true, MaxGradientNorm: 1e8 });
        var activation = LayerFamilies.Get("activation");
        Assert.Null(activation.Compiler(activation.DefaultSettings).DefaultStability);
    }

    [Fact]
    public void Compiles_canonical_text_and_reports_broken_limits()
    {
        var bn = Compiler.Compile(NormActCheck.BnRelu);
        Assert.Equal(new NormActFamily().Parse(NormActCheck.BnRelu).Text, bn.Text);
        Assert.Null(bn.LimitProblem);
        var small = new NormActCandidateCompiler(new NormActSpace { MaxNodes = 3 });
        Assert.Contains("nodes, limit 3", small.Compile(NormActCheck.BnRelu).LimitProblem);
        Assert.ThrowsAny<FormatException>(() => Compiler.Compile("max(x,"));
    }

    [Fact]
    public void Probe_is_a_deterministic_finite_train_mode_response_and_leaves_no_tensor()
    {
        var candidate = Compiler.Compile(NormActCheck.BnRelu);
        candidate.Probe(); // warm up lazy native state
        long before = LiveTensors.Count;
        var a = candidate.Probe();
        var b = Compiler.Compile(NormActCheck.BnRelu).Probe();
        Assert.Equal(before, LiveTensors.Count);

        Assert.Equal(8 * 8 * 4 * 4, a.Outputs.Length);
        Assert.Equal(a.Inputs.Length, a.Gradients.Length);
        Assert.Equal(a.Outputs, b.Outputs);
        Assert.All(a.Outputs, v => Assert.True(v >= 0 && double.IsFinite(v)));
        Assert.All(a.Gradients, v => Assert.True(double.IsFinite(v)));
        // Train mode: every channel is normalised with its batch statistics, so about half of the outputs are zero.
        Assert.InRange(a.Outputs.Count(v => v == 0), 300, 620);
    }

    [Fact]
    public void Two_spellings_of_bn_relu_collide()
    {
        const string distributed = "max(x * gamma / batch_std(x) - batch_mean(x) * gamma / batch_std(x) + beta, 0)";
        Assert.NotEqual(Compiler.Compile(NormActCheck.BnRelu).Text, Compiler.Compile(distributed).Text);
        Assert.Equal(Fingerprint(NormActCheck.BnRelu), Fingerprint(distributed));
        Assert.True(Fingerprint(distributed).IsFinite);
    }

    [Theory]
    [InlineData(NormActCheck.BnRelu, NormActCheck.GnRelu)]
    [InlineData("x / group_std(x)", "x / instance_std(x)")]    // groups capped at C/2 in the probe
    [InlineData("x * gamma", "x")]                             // parameters moved off their inits
    [InlineData("x * gamma + beta", "x * v1 + beta")]          // renamed parameters: conservative, no merge
    [InlineData(NormActCheck.EvoNormS0, NormActCheck.EvoNormB0)]
    public void Different_layers_do_not_collide(string a, string b) => Assert.NotEqual(Fingerprint(a), Fingerprint(b));
}
