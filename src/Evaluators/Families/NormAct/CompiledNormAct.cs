using Evaluators.Candidates;
using Evaluators.Compile;
using Evaluators.Slots;
using Search.Core;
using Search.Genomes.NormAct;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Families.NormAct;

/// <summary>
/// A compiled norm-act layer. The probe runs it, in float64 and train mode (batch statistics), on
/// one fixed seeded batch: N=8, C=8, H=W=4 (1024 outputs, flattened in NCHW order, which the
/// fingerprint hashes). Two choices keep the fingerprint from merging layers that train differently:
/// groups are capped at C/2 (two channels per group) so group aggregates differ from instance ones,
/// and each per-channel parameter is set to its init plus a fixed per-(name, channel) offset, so
/// that e.g. "x * gamma" and "x" (gamma init 1) no longer agree. Spellings of one layer with the
/// same parameter names still collide; renamed parameters (gamma vs v1) do not (conservative).
/// </summary>
public sealed class CompiledNormAct(NormActGenome genome, int groups, string? limitProblem) : ICompiledCandidate
{
    public const int ProbeBatch = 8, ProbeChannels = 8, ProbeSize = 4;
    private const ulong ProbeSeed = 0x6E6F726D61637431; // "normact1"

    public NormActGenome Genome { get; } = genome;
    public string Text => Genome.Text;
    public string? LimitProblem { get; } = limitProblem;
    public ISlotFactory Slot { get; } = new NormActSlot(genome, groups);

    /// <summary>Groups the probe layer uses: the space's, capped at C/2, lowered to divide C.</summary>
    public int ProbeGroups { get; } = NormActReference.EffectiveGroups(Math.Min(groups, ProbeChannels / 2), ProbeChannels);

    /// <summary>The fixed probe input: standard normal values scaled per channel and shifted, so batch and instance statistics differ.</summary>
    public static double[] ProbeInput()
    {
        var rng = new Rng(ProbeSeed);
        var values = new double[ProbeBatch * ProbeChannels * ProbeSize * ProbeSize];
        int plane = ProbeSize * ProbeSize;
        for (int i = 0; i < values.Length; i++)
        {
            int n = i / (ProbeChannels * plane), c = i / plane % ProbeChannels;
            // Per channel scale 0.5..2.25 and mean -1..+0.75; per sample a small shift so instance statistics vary.
            values[i] = (0.5 + 0.25 * c) * rng.Normal() + (c - 4) * 0.25 + 0.1 * (n - 3.5);
        }
        return values;
    }

    public ProbeResponse Probe()
    {
        var inputs = ProbeInput();
        using var scope = NewDisposeScope();
        using var module = new NormActModule(Genome, ProbeChannels, ProbeGroups);
        module.to(ScalarType.Float64);
        OffsetParameters(module);
        module.train();
        var x = tensor(inputs, [ProbeBatch, ProbeChannels, ProbeSize, ProbeSize], ScalarType.Float64).requires_grad_(true);
        var y = module.forward(x);
        var outputs = y.detach().to_type(ScalarType.Float64).flatten().data<double>().ToArray();
        var gradients = new double[inputs.Length];
        if (y.requires_grad)
        {
            y.sum().backward();
            if (x.grad is { } g) gradients = g.flatten().data<double>().ToArray();
        }
        return new ProbeResponse(inputs, outputs, gradients);
    }

    private static void OffsetParameters(NormActModule module)
    {
        using var noGrad = no_grad();
        foreach (var (name, p) in module.named_parameters())
        {
            var rng = new Rng(ProbeSeed ^ StableHash.Of(name));
            var offsets = Enumerable.Range(0, ProbeChannels).Select(_ => rng.Uniform(-0.5, 0.5)).ToArray();
            using var t = tensor(offsets, [1, ProbeChannels, 1, 1], ScalarType.Float64);
            p.add_(t);
        }
    }

    /// <summary>Norm-act layers have per-channel parameters, not learned scalars: none are reported.</summary>
    public IReadOnlyDictionary<string, double> ReadLearned(nn.Module<Tensor, Tensor> trainedModel, bool complete = false) => new Dictionary<string, double>();
}
