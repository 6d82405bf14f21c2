using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Slots;

/// <summary>
/// A slot module that adapts itself to the inputs it sees (a KAN layer moving its grid to where its
/// inputs lie). <see cref="SampleAdaptation.AdaptTo"/> tells every such module to adapt on its next
/// forward and runs the samples through the model once, so each module adapts to its own input as the
/// modules before it have just left it.
/// </summary>
public interface ISampleAdaptive
{
    void AdaptOnNextForward();
}

/// <summary>Adapting a whole model to samples, and pykan's schedule for doing so while fitting.</summary>
public static class SampleAdaptation
{
    public const int Every = 10, Until = 50;

    /// <summary>pykan's grid-update schedule: every 10 steps before step 50.</summary>
    public static bool IsDue(int step) => step % Every == 0 && step < Until;

    /// <summary>Adapts every <see cref="ISampleAdaptive"/> module of the model to <paramref name="x"/>; false when it has none.</summary>
    public static bool AdaptTo(nn.Module<Tensor, Tensor> model, Tensor x)
    {
        var adaptive = model.modules().OfType<ISampleAdaptive>().ToArray();
        if (adaptive.Length == 0) return false;
        foreach (var m in adaptive) m.AdaptOnNextForward();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        model.forward(x);
        return true;
    }
}
