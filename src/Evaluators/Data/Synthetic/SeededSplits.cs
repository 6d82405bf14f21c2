using Search.Core;

namespace Evaluators.Data.Synthetic;

/// <summary>
/// Train and test drawn from two child streams of one seeded generator, so a task is a pure
/// function of (seed, sizes) and the test set does not shift when the training size changes.
/// </summary>
internal static class SeededSplits
{
    public static DatasetSplits Make(string name, ulong seed, int trainCount, int testCount, int numClasses,
        Func<Rng, int, TensorData> sample)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trainCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(testCount);
        var root = new Rng(seed);
        Rng trainRng = root.Fork(), testRng = root.Fork();
        return new DatasetSplits(name, sample(trainRng, trainCount), sample(testRng, testCount), numClasses);
    }
}
