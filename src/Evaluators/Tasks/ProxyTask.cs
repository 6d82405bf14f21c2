using Evaluators.Data.Csv;
using Evaluators.Models;
using Evaluators.Training;

namespace Evaluators.Tasks;

/// <summary>
/// A named proxy task: which data, which model template with a slot, and the training budget.
/// <see cref="Standardize"/> standardises the inputs on the training split (off where the inputs'
/// own range matters, e.g. KAN grids over [-1, 1]).
/// </summary>
public sealed record ProxyTask(string Name, string Dataset, IModelTemplate Template, TrainingSettings Training, string Description,
    bool Standardize = true)
{
    /// <summary>The user's CSV file, for a task of the "csv" dataset (e.g. kan-csv); null elsewhere.</summary>
    public CsvSource? Csv { get; init; }

    /// <summary>Whether the task reads a user's CSV file (which <see cref="WithCsv"/> supplies).</summary>
    public bool ReadsCsv => Dataset == CsvDataset.Name;

    /// <summary>This task reading the given CSV file when it is a CSV task; any other task unchanged.</summary>
    public ProxyTask WithCsv(CsvSource? csv) => ReadsCsv && csv is not null ? this with { Csv = csv } : this;
}
