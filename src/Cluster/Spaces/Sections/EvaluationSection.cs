using Cluster.Spaces.Yaml;
using Evaluators.Candidates;
using Evaluators.Tasks;
using YamlDotNet.RepresentationModel;

namespace Cluster.Spaces.Sections;

/// <summary>
/// The "evaluation" section: proxy tasks (names from <see cref="ProxyTasks"/>), training seeds per
/// task, and optional epoch and training-subset overrides. Absent, the plan's defaults apply.
/// </summary>
internal static class EvaluationSection
{
    private static readonly string[] Keys = ["tasks", "seeds", "epochs", "train_subset"];

    public static IReadOnlyList<string> TaskNames => ProxyTasks.List.Select(t => t.Name).ToArray();

    public static EvaluationPlan Read(YamlSection top)
    {
        var d = new EvaluationPlan();
        var s = top.OptionalSection("evaluation", Keys) ?? YamlSection.Of(top.Source, new YamlMappingNode(), "evaluation", Keys);
        var tasks = new List<string>();
        foreach (var node in s.Scalars("tasks"))
        {
            if (!TaskNames.Contains(node.Value!))
                throw s.Source.Error(node, $"unknown proxy task '{node.Value}'; choices: {string.Join(", ", TaskNames)}");
            if (tasks.Contains(node.Value!)) throw s.Source.Error(node, $"proxy task '{node.Value}' is listed twice");
            tasks.Add(node.Value!);
        }
        if (tasks.Count == 0 && s.Has("tasks")) throw s.Source.Error(s.Value("tasks")!, "'tasks' needs at least one proxy task");
        if (tasks.Count == 0) tasks.AddRange(d.Tasks);
        s.Record("tasks", string.Join(",", tasks));
        return d with
        {
            Tasks = tasks,
            Seeds = s.Int("seeds", d.Seeds, 1, 100),
            Epochs = s.OptionalInt("epochs", 1, 10_000),
            TrainSubset = s.OptionalInt("train_subset", 1, int.MaxValue),
        };
    }

    /// <summary>A task name that must be one of the proxy tasks; null when the key is absent.</summary>
    public static string? OptionalTask(YamlSection s, string key) =>
        s.Has(key) ? s.Choice(key, TaskNames, what: "proxy task") : null;
}
