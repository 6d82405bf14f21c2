using Evaluators.Candidates;
using Evaluators.Slots;
using Evaluators.Training;
using Search.Genomes.Routing;
using Search.Rejection;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Families.Routing;

/// <summary>
/// A compiled routing genome. The probe is a small mixture-of-experts layer (width 4, expert hidden 8,
/// float64, weights from a fixed seed) on 32 tokens mixed from the engine's scalar probes. Its outputs are
/// the eval-mode layer outputs followed by what only training sees, so genomes that route alike but train
/// differently never share a fingerprint: the auxiliary loss of a training-mode forward (lb, zloss), the
/// gate temperature at four points of a schedule, and the layer's buffers after one balancing-bias update
/// (the bias rate) and the expert loads of a second forward. Gradients are those of the summed eval outputs.
/// </summary>
public sealed class CompiledRouting(RoutingGenome genome, string? limitProblem) : ICompiledCandidate
{
    private const ulong ProbeSeed = 0x726F757465727072; // "routerpr"
    private const int ProbeWidth = 4, ProbeHidden = 8;

    // Absolute steps, so schedules of different lengths differ too.
    private static readonly int[] ScheduleProbeSteps = [0, 77, 250, 1000, 3000, 10_000, 30_000, 100_000];

    public RoutingGenome Genome { get; } = genome;
    public string Text => Genome.Text;
    public string? LimitProblem { get; } = limitProblem;
    public ISlotFactory Slot { get; } = new RoutingGenomeSlot(genome);

    public ProbeResponse Probe()
    {
        var probes = ProbeFingerprint.ScalarProbes;
        int tokens = probes.Count;
        var inputs = new double[tokens * ProbeWidth];
        for (int t = 0; t < tokens; t++)
            for (int j = 0; j < ProbeWidth; j++) inputs[t * ProbeWidth + j] = probes[(t + 7 * j) % tokens];

        using var scope = NewDisposeScope();
        using var layer = Trainer.Seeded(ProbeSeed, () => new MoeLayer(Genome, ProbeWidth, ProbeHidden));
        layer.to(ScalarType.Float64);
        var x = tensor(inputs, [tokens, ProbeWidth], ScalarType.Float64);

        layer.eval();
        var xg = x.clone().requires_grad_(true);
        var y = layer.forward(xg);
        var outputs = new List<double>(y.detach().flatten().data<double>().ToArray());
        y.sum().backward();
        var gradients = xg.grad is { } g ? g.flatten().data<double>().ToArray() : new double[inputs.Length];

        using (no_grad())
        {
            layer.train();
            var step = new TrainingStep(0, 1);
            Trainer.Seeded(ProbeSeed, () => { layer.BeforeStep(step); return layer.forward(x); });
            outputs.Add(layer.AuxiliaryLoss?.ToDouble() ?? 0);
            ((IStepAware)layer).AfterStep(step);
            foreach (var (_, buffer) in layer.named_buffers()) outputs.AddRange(buffer.to(ScalarType.Float64).flatten().data<double>().ToArray());
            layer.forward(x);
            outputs.AddRange(layer.ExpertLoad.Select(l => (double)l));
        }
        if (Genome.Schedule is not null)
            foreach (int step in ScheduleProbeSteps) outputs.Add(GateTemperature.At(Genome, step));
        return new ProbeResponse(inputs, outputs.ToArray(), gradients);
    }

    /// <summary>Nothing is read back: export writes the layer for a given width and loads a state_dict.</summary>
    public IReadOnlyDictionary<string, double> ReadLearned(nn.Module<Tensor, Tensor> trainedModel, bool complete = false) => new Dictionary<string, double>();
}
