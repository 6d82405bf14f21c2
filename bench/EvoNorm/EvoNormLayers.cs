using Evaluators.Families.NormAct;
using Evaluators.Compile.Checks;
using Evaluators.Slots;
using Search.Genomes.NormAct;

namespace Bench.EvoNorm;

/// <summary>The three layers the benchmark compares: BN-ReLU (TorchSharp's own) and the compiled EvoNorm-S0 and B0 genomes.</summary>
public static class EvoNormLayers
{
    public const string BnRelu = "bn-relu", S0 = "s0", B0 = "b0";

    public static IReadOnlyList<string> All { get; } = [BnRelu, S0, B0];

    public static ISlotFactory Create(string layer, NormActFamily family) => layer switch
    {
        BnRelu => new BuiltinNormAct("bn-relu"),
        S0 => new NormActSlot(family.Parse(NormActCheck.EvoNormS0)),
        B0 => new NormActSlot(family.Parse(NormActCheck.EvoNormB0)),
        _ => throw new ArgumentException($"unknown layer '{layer}'"),
    };
}
