using Evaluators.Models;
using Evaluators.Training;

namespace Evaluators.Tasks;

/// <summary>
/// A named proxy task: which data, which model template with a slot, and the training budget.
/// <see cref="Standardize"/> standardises the inputs on the training split (off where the inputs'
/// own range matters, e.g. KAN grids over [-1, 1]).
/// </summary>
public sealed record ProxyTask(string Name, string Dataset, IModelTemplate Template, TrainingSettings Training, string Description,
    bool Standardize = true);
