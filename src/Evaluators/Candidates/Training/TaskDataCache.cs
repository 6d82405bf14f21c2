using Evaluators.Data;
using Evaluators.Data.Csv;
using Evaluators.Tasks;
using Evaluators.Training;
using TorchSharp;

namespace Evaluators.Candidates.Training;

/// <summary>
/// Prepared task data, made once per (task, train-subset override, CSV file) and kept until disposed: loading
/// and standardising a dataset costs far more than most rejected candidates. Not thread-safe (an
/// evaluator is used by one thread at a time). Must not be called inside a dispose scope, which
/// would take the cached tensors with it.
/// </summary>
public sealed class TaskDataCache(Func<string, ProxyTask> resolve, string? dataDirectory, torch.Device device,
    DatasetCatalog? catalog = null) : IDisposable
{
    private readonly Dictionary<(string Task, int? Subset, CsvSource? Csv), PreparedData> _data = new();

    public int Count => _data.Count;

    /// <summary>The task with the plan's epoch and train-subset overrides (and a CSV task with the plan's file) applied, and its data.</summary>
    public PlannedTask Get(string taskName, EvaluationPlan plan)
    {
        var task = resolve(taskName).WithCsv(plan.Csv);
        var settings = task.Training with
        {
            Epochs = plan.Epochs ?? task.Training.Epochs,
            TrainSubset = plan.TrainSubset ?? task.Training.TrainSubset,
            UnitGain = plan.UnitGain ?? task.Training.UnitGain,
        };
        settings.Validate();
        var key = (task.Name, settings.TrainSubset, task.Csv);
        if (!_data.TryGetValue(key, out var data))
        {
            data = TaskData.Prepare(task with { Training = settings }, dataDirectory, device, catalog: catalog);
            _data[key] = data;
        }
        return new PlannedTask(task, settings, data);
    }

    public void Dispose()
    {
        foreach (var d in _data.Values) d.Dispose();
        _data.Clear();
    }
}
