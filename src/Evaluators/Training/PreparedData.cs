using Evaluators.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Training;

/// <summary>
/// A task's data as tensors on the training device, made once and shared by every evaluation of
/// the task: train, validation (the tail of the training split) and test. Inputs are used as
/// given (standardise with Data.Standardizer first). Classification targets are (N) class ids,
/// or (N, T) for data with T labels per sample (TensorData.LabelsPerSample); regression targets
/// are (N, TargetDim). Owns its tensors; dispose it when done.
/// </summary>
public sealed class PreparedData : IDisposable
{
    public PreparedData(DatasetSplits data, double validationFraction, Device device)
    {
        Name = data.Name;
        SampleShape = data.Train.SampleShape;
        NumClasses = data.NumClasses;
        Outputs = data.NumClasses > 0 ? data.NumClasses : data.Train.TargetDim;

        TargetScale = data.TargetScale;
        var train = data.Train; // subsets are taken when loading (DatasetLoadOptions.TrainLimit)
        int valCount = data.Validation is null ? (int)Math.Round(train.Count * validationFraction) : 0;

        using var scope = NewDisposeScope();
        (TrainX, TrainY) = ToTensors(train.Slice(0, train.Count - valCount), device);
        (ValX, ValY) = data.Validation is { } given ? ToTensors(given, device)
            : valCount > 0 ? ToTensors(train.Slice(train.Count - valCount, valCount), device) : (null, null);
        (TestX, TestY) = ToTensors(data.Test, device);
        foreach (var t in new[] { TrainX, TrainY, ValX, ValY, TestX, TestY }) t?.MoveToOuterDisposeScope();
    }

    public string Name { get; }
    public int[] SampleShape { get; }
    public int NumClasses { get; }
    public int Outputs { get; }
    public bool IsClassification => NumClasses > 0;
    /// <summary>Multiplies RMSEs into the target's own units (see DatasetSplits.TargetScale).</summary>
    public double TargetScale { get; }
    public Tensor TrainX { get; }
    public Tensor TrainY { get; }
    public Tensor? ValX { get; }
    public Tensor? ValY { get; }
    public Tensor TestX { get; }
    public Tensor TestY { get; }
    public int TrainCount => (int)TrainX.shape[0];

    private (Tensor X, Tensor Y) ToTensors(TensorData d, Device device)
    {
        var shape = new long[] { d.Count }.Concat(d.SampleShape.Select(s => (long)s)).ToArray();
        var x = tensor(d.X, shape).to(device);
        var y = d.Labels is null ? tensor(d.Targets!, [d.Count, d.TargetDim]).to(device)
            : d.LabelsPerSample == 1 ? tensor(d.Labels, [d.Count]).to(device)
            : tensor(d.Labels, [d.Count, d.LabelsPerSample]).to(device); // a class per position: y is (N, T)
        return (x, y);
    }

    public void Dispose()
    {
        foreach (var t in new[] { TrainX, TrainY, ValX, ValY, TestX, TestY }) t?.Dispose();
    }
}
