using Evaluators.Data;
using Evaluators.Training;
using TorchSharp;

namespace Evaluators.Tasks;

/// <summary>
/// Loads a proxy task's dataset (standardised on its training split) and puts it on the device. A
/// CSV task reads <see cref="ProxyTask.Csv"/>; every other task reads its files from the data directory.
/// </summary>
public static class TaskData
{
    public static PreparedData Prepare(ProxyTask task, string? dataDirectory, torch.Device device, Action<string>? progress = null,
        DatasetCatalog? catalog = null)
    {
        var options = new DatasetLoadOptions
        {
            Directory = dataDirectory,
            TrainLimit = task.Training.TrainSubset,
            Standardize = task.Standardize,
            Progress = progress,
            Csv = task.Csv,
        };
        var splits = (catalog ?? DatasetCatalog.CreateDefault()).Load(task.Dataset, options);
        return new PreparedData(splits, task.Training.ValidationFraction, device);
    }
}
