using Evaluators.Models;
using Evaluators.Training;

namespace Evaluators.Tasks;

/// <summary>A named proxy task: which data, which model template with a slot, and the training budget.</summary>
public sealed record ProxyTask(string Name, string Dataset, IModelTemplate Template, TrainingSettings Training, string Description);
