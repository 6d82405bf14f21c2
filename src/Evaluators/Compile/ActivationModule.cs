using Search.Genomes.Activation;
using Search.Genomes.Expressions;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Evaluators.Compile;

/// <summary>
/// An activation genome as a TorchSharp module: its learnable scalars are parameters (named after
/// the genome's learnables), and the forward pass runs the flattened expression elementwise.
/// </summary>
public sealed class ActivationModule : nn.Module<Tensor, Tensor>
{
    private readonly ExpressionProgram _program;

    public ActivationModule(ActivationGenome genome) : base("activation")
    {
        Genome = genome;
        _program = new ExpressionProgram(genome.Root);
        foreach (var learnable in _program.Learnables)
        {
            register_parameter(learnable.Name, new Parameter(tensor((float)learnable.Init)));
        }
    }

    public ActivationGenome Genome { get; }

    /// <summary>Current values of the learnable scalars (what export writes as trained values).</summary>
    public IReadOnlyDictionary<string, double> LearnedValues =>
        named_parameters().ToDictionary(p => p.name, p => (double)p.parameter.item<float>());

    public override Tensor forward(Tensor x)
    {
        // Learnables are looked up by name each pass: Module.to(device or dtype) replaces registered parameters.
        var output = _program.Run(x, name => get_parameter(name)!);
        // A genome that folded to a constant still maps a tensor to a tensor of x's shape.
        if (output.IsNumber) return full_like(x, output.Number);
        // Never hand back the input object itself (the genome `x`): Sequential disposes each
        // layer's input after the call, which would dispose the output too.
        return ReferenceEquals(output.Tensor, x) ? x.alias() : output.Tensor!;
    }
}
