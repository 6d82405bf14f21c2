using Evaluators.Families;

namespace Evaluators.Tasks;

/// <summary>The proxy tasks of every registered family (each family owns its tasks: <see cref="ILayerFamily.Tasks"/>).</summary>
public static class ProxyTasks
{
    public const string Default = "fmnist-mlp";

    public static IReadOnlyList<ProxyTask> List => LayerFamilies.All.SelectMany(f => f.Tasks).ToArray();

    public static ProxyTask Get(string name) =>
        List.FirstOrDefault(t => t.Name == name)
        ?? throw new ArgumentException($"unknown proxy task '{name}'; expected one of {string.Join(", ", List.Select(t => t.Name))}");

    /// <summary>The family whose candidates the task's template takes.</summary>
    public static ILayerFamily FamilyOf(ProxyTask task) =>
        LayerFamilies.All.First(f => f.Tasks.Any(t => t.Name == task.Name));
}
