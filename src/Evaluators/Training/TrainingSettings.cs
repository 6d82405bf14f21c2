namespace Evaluators.Training;

/// <summary>
/// The training budget and optimiser of a proxy task. <see cref="MaxSteps"/>, when set, stops
/// training early (the quality hurdle uses it for its short run).
/// </summary>
public sealed record TrainingSettings
{
    public int Epochs { get; init; } = 10;
    public int BatchSize { get; init; } = 128;
    public string Optimizer { get; init; } = "adam";
    public double LearningRate { get; init; } = 1e-3;
    public double Momentum { get; init; } = 0.9;
    public double WeightDecay { get; init; }
    /// <summary>
    /// Exponential learning-rate decay: after every epoch the rate is multiplied by this factor, so epoch e
    /// (0-based) trains at LearningRate * LrDecayPerEpoch^e (torch's ExponentialLR stepped once per epoch,
    /// as efficient-kan's and BSRBF-KAN's Fashion-MNIST examples do with 0.8). 1 (the default) is no
    /// schedule: the optimizer then runs exactly as it did before the setting existed. Not for L-BFGS.
    /// </summary>
    public double LrDecayPerEpoch { get; init; } = 1;
    public int? MaxSteps { get; init; }
    /// <summary>Fraction of the training split held out for validation (the search's objective).</summary>
    public double ValidationFraction { get; init; } = 1.0 / 12;
    /// <summary>Use only the first N training samples (before the validation split); null = all.</summary>
    public int? TrainSubset { get; init; }
    public int EvalBatchSize { get; init; } = 2000;
    /// <summary>Off for short screening runs (the quality hurdle), whose test accuracy nobody reads; test metrics are then NaN.</summary>
    public bool EvaluateTestSet { get; init; } = true;
    /// <summary>
    /// Scale the slot's layer to unit second moment under N(0, 1) inputs (<see cref="Slots.UnitGainSlot"/>):
    /// on in the activation search proxies, so a constant factor cannot win a comparison of shapes.
    /// </summary>
    public bool UnitGain { get; init; }

    /// <summary>Optimizer steps in one epoch over <paramref name="trainCount"/> samples (L-BFGS: one full-batch step).</summary>
    public int StepsPerEpoch(int trainCount)
    {
        if (Optimizer == OptimizerFactory.Lbfgs) return 1;
        int batch = Math.Min(BatchSize, trainCount);
        return (trainCount + batch - 1) / batch;
    }

    /// <summary>Steps a whole run takes: every epoch, capped by <see cref="MaxSteps"/>.</summary>
    public int TotalSteps(int trainCount) => (int)Math.Min(MaxSteps ?? int.MaxValue, (long)StepsPerEpoch(trainCount) * Epochs);

    public void Validate()
    {
        if (Epochs < 1) throw new ArgumentException($"epochs = {Epochs}: expected at least 1");
        if (BatchSize < 1) throw new ArgumentException($"batch size = {BatchSize}: expected at least 1");
        if (!(LearningRate > 0)) throw new ArgumentException($"learning rate = {LearningRate}: expected > 0");
        if (!(LrDecayPerEpoch is > 0 and <= 1)) throw new ArgumentException($"learning-rate decay per epoch = {LrDecayPerEpoch}: expected in (0, 1]");
        if (LrDecayPerEpoch != 1 && Optimizer == OptimizerFactory.Lbfgs)
            throw new ArgumentException($"learning-rate decay per epoch = {LrDecayPerEpoch}: not available with lbfgs (its epochs are full-batch steps)");
        if (ValidationFraction is < 0 or >= 1) throw new ArgumentException($"validation fraction = {ValidationFraction}: expected in [0, 1)");
        if (MaxSteps is < 1) throw new ArgumentException($"max steps = {MaxSteps}: expected at least 1");
        if (TrainSubset is < 2) throw new ArgumentException($"train subset = {TrainSubset}: expected at least 2");
        OptimizerFactory.CheckName(Optimizer);
    }
}
