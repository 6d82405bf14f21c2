using Cluster.Spaces.Yaml;
using Evaluators.Candidates;
using Evaluators.Data.Csv;
using Evaluators.Tasks;
using YamlDotNet.RepresentationModel;

namespace Cluster.Spaces.Sections;

/// <summary>
/// The "evaluation" section: proxy tasks (names from <see cref="ProxyTasks"/>), training seeds per
/// task, optional epoch, training-subset and unit-gain overrides, and the user's CSV file for CSV tasks
/// (data, target, split_seed). Absent, the plan's defaults apply.
/// </summary>
internal static class EvaluationSection
{
    private static readonly string[] Keys = ["tasks", "seeds", "epochs", "train_subset", "unit_gain", "data", "target", "split_seed"];

    public static IReadOnlyList<string> TaskNames => ProxyTasks.List.Select(t => t.Name).ToArray();

    public static EvaluationPlan Read(YamlSection top)
    {
        var d = new EvaluationPlan();
        var s = top.OptionalSection("evaluation", Keys) ?? YamlSection.Of(top.Source, new YamlMappingNode(), "evaluation", Keys);
        var tasks = new List<string>();
        var taskNodes = s.Scalars("tasks");
        foreach (var node in taskNodes)
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
            UnitGain = s.Has("unit_gain") ? s.Bool("unit_gain", false) : null,
            Csv = Csv(s, tasks, taskNodes),
        };
    }

    /// <summary>
    /// The CSV file the CSV tasks read: required by them, refused without them. Its path is resolved
    /// against the space file's folder into the absolute path workers open (the fingerprint keeps it
    /// as written, so moving the folder keeps a run resumable); the file is read when the run starts.
    /// </summary>
    private static CsvSource? Csv(YamlSection s, IReadOnlyList<string> tasks, IReadOnlyList<YamlScalarNode> taskNodes)
    {
        string[] csvTasks = [.. ProxyTasks.List.Where(t => t.ReadsCsv).Select(t => t.Name)];
        int reader = tasks.ToList().FindIndex(t => csvTasks.Contains(t));
        if (!s.Has("data"))
        {
            foreach (var key in new[] { "target", "split_seed" })
                if (s.Has(key)) throw s.Source.Error(s.KeyNode(key), $"'{key}' describes the CSV file of 'data', which is not given");
            if (reader >= 0)
                throw s.Source.Error(taskNodes.Count > reader ? taskNodes[reader] : s.Node,
                    $"proxy task '{tasks[reader]}' reads your CSV file: add 'data: FILE.csv' (relative to this file) to the evaluation section");
            return null;
        }
        if (reader < 0)
            throw s.Source.Error(s.KeyNode("data"), $"'data' is the CSV file of the CSV tasks ({string.Join(", ", csvTasks)}); no task in 'tasks' reads one");
        string path = NonBlank(s, "data", "a CSV file path");
        string? target = s.Has("target") ? NonBlank(s, "target", "a column name") : null;
        s.Record("target", target ?? "");
        ulong splitSeed = (ulong)s.Long("split_seed", 0, 0, long.MaxValue);
        return new CsvSource(s.Source.ResolvePath(path), target, splitSeed);
    }

    private static string NonBlank(YamlSection s, string key, string what)
    {
        var node = YamlValues.Scalar(s.Source, s.Value(key)!, key, what);
        if (string.IsNullOrWhiteSpace(node.Value)) throw s.Source.Error(node, $"'{key}' must not be blank; expected {what}");
        s.Record(key, node.Value);
        return node.Value;
    }

    /// <summary>A task name that must be one of the proxy tasks; null when the key is absent.</summary>
    public static string? OptionalTask(YamlSection s, string key) =>
        s.Has(key) ? s.Choice(key, TaskNames, what: "proxy task") : null;
}
