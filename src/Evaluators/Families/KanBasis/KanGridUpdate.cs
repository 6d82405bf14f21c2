using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Families.KanBasis;

/// <summary>Grid updates of a whole network: each KAN layer's grid follows the inputs it receives.</summary>
public static class KanGridUpdate
{
    /// <summary>
    /// Runs <paramref name="x"/> through the model's top-level modules in order, updating every KAN layer's
    /// grid from the input it gets (<see cref="KanLayerModule.UpdateGrid"/>; coefficients change in place).
    /// </summary>
    public static void FromSamples(nn.Module<Tensor, Tensor> model, Tensor x)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var child in model.children())
        {
            if (child is not nn.Module<Tensor, Tensor> layer)
                throw new ArgumentException($"grid update walks a sequence of tensor modules; '{child.GetName()}' is not one");
            if (layer is KanLayerModule kan) kan.UpdateGrid(x);
            x = layer.forward(x);
        }
    }
}
