namespace Evaluators.Data;

/// <summary>
/// Samples held as plain arrays (tensors are made per batch by the trainer, so a dataset never
/// owns native memory). <see cref="X"/> is Count x prod(SampleShape) row-major floats.
/// Classification sets fill <see cref="Labels"/> (Count x LabelsPerSample: one class per sample,
/// or one per position of a sequence, e.g. the next character of each of T inputs); regression
/// sets fill <see cref="Targets"/> (Count x TargetDim).
/// </summary>
public sealed record TensorData(float[] X, int[] SampleShape, int Count, long[]? Labels, float[]? Targets, int TargetDim)
{
    public int SampleSize => SampleShape.Aggregate(1, (a, b) => a * b);
    public bool IsClassification => Labels is not null;

    /// <summary>Labels per sample: 1 for ordinary classification, T for a sequence of T positions.</summary>
    public int LabelsPerSample
    {
        get => labelsPerSample;
        init => labelsPerSample = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(LabelsPerSample), value, "must be positive");
    }
    private readonly int labelsPerSample = 1;

    /// <summary>A contiguous copy of samples [start, start+count), e.g. for a validation split.</summary>
    public TensorData Slice(int start, int count)
    {
        if (start < 0 || count < 0 || start + count > Count)
            throw new ArgumentOutOfRangeException(nameof(count), $"slice [{start},{start + count}) outside 0..{Count}");
        int s = SampleSize;
        return new TensorData(
            X.AsSpan(start * s, count * s).ToArray(), SampleShape, count,
            Labels?.AsSpan(start * LabelsPerSample, count * LabelsPerSample).ToArray(),
            Targets?.AsSpan(start * TargetDim, count * TargetDim).ToArray(), TargetDim) { LabelsPerSample = LabelsPerSample };
    }
}

/// <summary>A task's data: train and test parts; NumClasses is 0 for regression.</summary>
public sealed record DatasetSplits(string Name, TensorData Train, TensorData Test, int NumClasses)
{
    /// <summary>A validation split chosen by the loader (the CSV task); null = the trainer holds out the tail of Train.</summary>
    public TensorData? Validation { get; init; }

    /// <summary>
    /// Original target units per stored target unit (the standard deviation of a standardised
    /// target), so RMSEs are reported in the target's own units; 1 when targets are stored as given.
    /// </summary>
    public double TargetScale { get; init; } = 1;
}
