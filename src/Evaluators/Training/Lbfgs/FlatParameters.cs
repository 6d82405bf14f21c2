using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Evaluators.Training.Lbfgs;

/// <summary>
/// A model's parameters seen as one float64 vector, so L-BFGS can do its vector algebra in plain
/// arrays (function-fitting networks have at most a few thousand values).
/// </summary>
internal sealed class FlatParameters(IReadOnlyList<Parameter> parameters)
{
    private readonly Parameter[] _parameters = parameters.ToArray();

    public int Length { get; } = (int)parameters.Sum(p => p.numel());

    public double[] Values() => Gather(p => p);

    /// <summary>The gradients left by the last backward pass (zeros where a parameter got none).</summary>
    public double[] Gradients() => Gather(p => p.grad);

    public void Set(double[] values)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        int offset = 0;
        foreach (var p in _parameters)
        {
            int n = (int)p.numel();
            p.copy_(tensor(values.AsSpan(offset, n).ToArray(), p.shape, float64).to(p.dtype).to(p.device));
            offset += n;
        }
    }

    public void ZeroGradients()
    {
        foreach (var p in _parameters) p.grad?.zero_();
    }

    private double[] Gather(Func<Parameter, Tensor?> select)
    {
        using var scope = NewDisposeScope();
        var result = new double[Length];
        int offset = 0;
        foreach (var p in _parameters)
        {
            int n = (int)p.numel();
            if (select(p) is { } t) t.detach().to(float64).cpu().flatten().data<double>().CopyTo(result.AsSpan(offset, n));
            offset += n;
        }
        return result;
    }
}
