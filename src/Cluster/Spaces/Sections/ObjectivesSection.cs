using Cluster.Spaces.Yaml;
using Evaluators.Candidates;
using Search.Core;
using YamlDotNet.RepresentationModel;

namespace Cluster.Spaces.Sections;

/// <summary>
/// The "objectives" list, in order: each names the evaluation metric it takes ("metric" or
/// "metric@task"), optionally its own name (default: the metric) and direction (default: the metric's natural one).
/// </summary>
internal static class ObjectivesSection
{
    private static readonly string[] Keys = ["metric", "name", "direction"];

    /// <summary>The metrics an evaluation reports (Evaluators.Candidates.EvaluationPlan.Objectives) and which way is better.</summary>
    public static readonly IReadOnlyDictionary<string, Direction> Metrics = MetricCatalog.All
        .ToDictionary(m => m.Name, m => m.HigherIsBetter ? Direction.Maximize : Direction.Minimize);

    /// <summary>The objectives and, in the same order, the metric each maps to.</summary>
    public static (ObjectiveSet Objectives, IReadOnlyList<string> Metrics) Read(YamlSection top, IReadOnlyList<string> tasks)
    {
        var node = top.Required("objectives");
        if (node is not YamlSequenceNode { Children.Count: > 0 } list)
            throw top.Source.Error(node, $"expected a non-empty list of objectives, got {YamlValues.Describe(node)}");
        var objectives = new List<Objective>();
        var metrics = new List<string>();
        for (int i = 0; i < list.Children.Count; i++)
        {
            var s = YamlSection.Of(top.Source, list.Children[i], $"objectives.{i}", Keys);
            var metricNode = YamlValues.Scalar(s.Source, s.Required("metric"), "metric", "a metric name");
            string metric = s.Text("metric");
            CheckMetric(s.Source, metricNode, metric, tasks);
            string name = s.Text("name", metric);
            if (objectives.Any(o => o.Name == name)) throw s.Source.Error(s.KeyNode("name"), $"objective name '{name}' is used twice");
            string natural = Metrics[metric.Split('@')[0]] == Direction.Maximize ? "maximize" : "minimize";
            var direction = s.Choice("direction", ["maximize", "minimize"], natural, "direction") == "maximize" ? Direction.Maximize : Direction.Minimize;
            objectives.Add(new Objective(name, direction));
            metrics.Add(metric);
        }
        return (new ObjectiveSet(objectives), metrics);
    }

    private static void CheckMetric(SpaceSource source, YamlScalarNode node, string metric, IReadOnlyList<string> tasks)
    {
        var parts = metric.Split('@');
        if (parts.Length > 2 || !Metrics.ContainsKey(parts[0]))
            throw source.Error(node, $"unknown metric '{metric}'; choices: {string.Join(", ", Metrics.Keys)}, each optionally followed by @task");
        if (parts.Length == 2 && !tasks.Contains(parts[1]))
            throw source.Error(node, $"metric '{metric}' names task '{parts[1]}', which is not among the evaluation tasks ({string.Join(", ", tasks)})");
    }
}
