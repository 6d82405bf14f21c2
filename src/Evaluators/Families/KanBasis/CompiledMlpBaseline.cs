using Evaluators.Candidates;
using Evaluators.Slots;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Families.KanBasis;

/// <summary>
/// The <see cref="EqualParameterMlp"/> baseline as the stages and training see a candidate: probed as
/// the MLP standing for a [1, 4, 1] KAN on the scalar probes; it has no learned values to export.
/// </summary>
public sealed class CompiledMlpBaseline : ICompiledCandidate
{
    private const ulong ProbeSeed = 0x6D6C7070726F6265; // "mlpprobe"

    public string Text => EqualParameterMlp.BuiltinName;
    public string? LimitProblem => null;
    public ISlotFactory Slot { get; } = new EqualParameterMlp();

    public ProbeResponse Probe() => ScalarNetworkProbe.Run(ProbeSeed, () => ((EqualParameterMlp)Slot).CreateStack(1, [4, 1]));

    public IReadOnlyDictionary<string, double> ReadLearned(nn.Module<Tensor, Tensor> trainedModel, bool complete = false) => new Dictionary<string, double>();
}
