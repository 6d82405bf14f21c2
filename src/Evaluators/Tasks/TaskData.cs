using Evaluators.Data;
using Evaluators.Training;
using TorchSharp;

namespace Evaluators.Tasks;

/// <summary>Loads a proxy task's dataset (standardised on its training split) and puts it on the device.</summary>
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
        };
        var splits = (catalog ?? DatasetCatalog.CreateDefault()).Load(task.Dataset, options);
        return new PreparedData(splits, task.Training.ValidationFraction, device);
    }
}
