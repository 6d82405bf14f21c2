using Evaluators.Compile.Checks;
using Evaluators.Runtime;

namespace Evaluators.Tests.Compile;

/// <summary>The compiled norm-act layers compute what known layers and the engine's evaluator compute.</summary>
public class NormActCheckTests
{
    public NormActCheckTests() => TorchRuntime.EnsureReady(1);

    [Fact]
    public void Known_layers_match_hand_written_modules_in_train_and_eval_mode()
    {
        var rows = NormActCheck.AgainstHandWritten(seed: 3);
        Assert.Equal(8, rows.Count);
        foreach (var row in rows)
        {
            Assert.True(row.Compared > 0, row.Name);
            Assert.True(row.MaxDiff <= 1e-5, $"{row.Name}: max abs difference {row.MaxDiff}");
        }
    }

    [Fact]
    public void Random_genomes_match_the_engine_reference_in_float64()
    {
        var row = NormActCheck.AgainstEngineReference(genomes: 150, seed: 5);
        Assert.True(row.Compared > 150 * 1000, $"only {row.Compared} finite values compared");
        Assert.True(row.MaxDiff <= 1e-9, $"scaled difference {row.MaxDiff}");
    }
}
