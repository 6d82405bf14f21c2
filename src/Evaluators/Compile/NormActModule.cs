using Search.Genomes.Expressions;
using Search.Genomes.NormAct;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Evaluators.Compile;

/// <summary>
/// A norm-act genome as a TorchSharp layer on (N,C,H,W) tensors (or (N,C), seen as (N,C,1,1)),
/// replacing a BatchNorm + ReLU pair. The per-channel learnables the genome uses (v0, v1, gamma,
/// beta) are parameters shaped (1,C,1,1) under those names. Every distinct batch-aggregate node
/// keeps a running estimate (momentum <see cref="Momentum"/>, as BatchNorm) in a buffer named
/// running_mean, running_m2 or running_var (suffixed _1, _2, ... for further nodes of one kind);
/// training mode uses and updates the batch's statistic, eval mode uses the estimate. Batch std
/// tracks the unbiased variance, as BatchNorm does, and normalises with the biased one.
/// </summary>
public sealed class NormActModule : nn.Module<Tensor, Tensor>
{
    public const double DefaultMomentum = 0.1;

    private readonly ExpressionProgram _program;
    private readonly string?[] _runningBuffer; // per instruction: the buffer of a batch aggregate

    /// <param name="groups">Groups of the group_* aggregates, lowered until it divides <paramref name="channels"/>.</param>
    public NormActModule(NormActGenome genome, int channels, int groups = 32, double momentum = DefaultMomentum) : base("norm_act")
    {
        if (channels < 1) throw new ArgumentException($"channels = {channels}: expected at least 1", nameof(channels));
        if (momentum is < 0 or > 1) throw new ArgumentException($"momentum = {momentum}: expected in [0, 1]", nameof(momentum));
        Genome = genome;
        Channels = channels;
        Groups = NormActReference.EffectiveGroups(groups, channels);
        Momentum = momentum;
        _program = new ExpressionProgram(genome.Root);
        foreach (var learnable in _program.Learnables)
            register_parameter(learnable.Name, new Parameter(full(1, channels, 1, 1, learnable.Init)));

        _runningBuffer = new string?[_program.Instructions.Count];
        var buffers = RunningStats.Of(genome.Root).ToDictionary(b => (Expr)b.Node);
        for (int i = 0; i < _runningBuffer.Length; i++)
        {
            if (!buffers.TryGetValue(_program.Instructions[i].Node, out var buffer)) continue;
            _runningBuffer[i] = buffer.Name;
            register_buffer(buffer.Name, buffer.Initial == 0 ? zeros(channels) : ones(channels));
        }
    }

    public NormActGenome Genome { get; }
    public int Channels { get; }

    /// <summary>Groups actually used by group aggregates.</summary>
    public int Groups { get; }

    public double Momentum { get; }

    /// <summary>Names of the running-statistic buffers, one per distinct batch-aggregate node.</summary>
    public IReadOnlyList<string> RunningStatistics => _runningBuffer.OfType<string>().ToList();

    public override Tensor forward(Tensor input)
    {
        var x = input.dim() switch
        {
            4 => input,
            2 => input.view(input.shape[0], input.shape[1], 1, 1),
            _ => throw new ArgumentException($"a norm-act layer takes (N,C,H,W) or (N,C) tensors, got [{string.Join(",", input.shape)}]"),
        };
        if (x.shape[1] != Channels) throw new ArgumentException($"expected {Channels} channels, got {x.shape[1]}");

        var output = _program.Run(x, name => get_parameter(name)!, (i, op, operand) => Aggregate(i, op, operand, x));
        // Every value means a tensor of x's shape (the reference broadcasts leaves and aggregates).
        var y = output.IsNumber ? full_like(x, output.Number)
            : output.Tensor!.shape.SequenceEqual(x.shape) ? output.Tensor! : output.Tensor!.expand_as(x).contiguous();
        if (input.dim() == 2) return y.view(input.shape);
        // Never hand back the input object itself: Sequential disposes each layer's input after the call.
        return ReferenceEquals(y, input) ? input.alias() : y;
    }

    private Value Aggregate(int instruction, UnaryOp op, Value operand, Tensor x)
    {
        var (moment, axes) = op.Decompose();
        if (operand.IsNumber) return Value.Of(AggregateOps.OfConstant(moment, operand.Number));
        var a = operand.Tensor!.shape.SequenceEqual(x.shape) ? operand.Tensor! : operand.Tensor!.expand_as(x);
        if (axes != AggregateAxes.Batch) return Value.Of(AggregateOps.Finish(moment, AggregateOps.RawMoment(moment, axes, a, Groups)));

        var running = get_buffer(_runningBuffer[instruction]!)!;
        if (!training) return Value.Of(AggregateOps.Finish(moment, running.view(1, Channels, 1, 1)));
        var raw = AggregateOps.RawMoment(moment, axes, a, Groups);
        using (no_grad())
        {
            long count = a.shape[0] * a.shape[2] * a.shape[3];
            var observed = moment == Moment.Std && count > 1 ? raw.mul(count / (double)(count - 1)) : raw;
            running.mul_(1 - Momentum).add_(observed.detach().reshape(Channels), Momentum);
        }
        return Value.Of(AggregateOps.Finish(moment, raw));
    }
}
