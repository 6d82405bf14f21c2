using Cluster.Spaces.Yaml;
using Evaluators.Candidates;
using YamlDotNet.RepresentationModel;

namespace Cluster.Spaces.Sections;

/// <summary>
/// The "rejection" section: numeric sanity thresholds, the quality hurdle (a mapping, or off) and
/// the functional-equivalence cache. Absent keys keep <see cref="EvaluationPlan"/>'s defaults.
/// </summary>
internal static class RejectionSection
{
    private static readonly string[] Keys = ["sanity", "hurdle", "equivalence_cache"];
    private static readonly string[] SanityKeys = ["max_abs_output", "min_output_std", "max_abs_gradient"];
    private static readonly string[] HurdleKeys = ["task", "steps", "min_validation_accuracy"];

    public static EvaluationPlan Read(YamlSection top, EvaluationPlan plan)
    {
        var s = top.OptionalSection("rejection", Keys) ?? YamlSection.Of(top.Source, new YamlMappingNode(), "rejection", Keys);
        return plan with
        {
            Sanity = Sanity(s),
            Hurdle = Hurdle(s),
            EquivalenceCache = s.Bool("equivalence_cache", plan.EquivalenceCache),
        };
    }

    private static SanitySettings Sanity(YamlSection parent)
    {
        var d = new SanitySettings();
        var s = parent.OptionalSection("sanity", SanityKeys) ?? Empty(parent, "sanity", SanityKeys);
        return new SanitySettings
        {
            MaxAbsOutput = s.Double("max_abs_output", d.MaxAbsOutput, 1e-12, 1e300),
            MinOutputStd = s.Double("min_output_std", d.MinOutputStd, 0, 1e300),
            MaxAbsGradient = s.Double("max_abs_gradient", d.MaxAbsGradient, 1e-12, 1e300),
        };
    }

    // The hurdle is on by default; "hurdle: off" (or false) turns it off, "on" keeps the defaults.
    private static HurdleSettings? Hurdle(YamlSection parent)
    {
        var d = new HurdleSettings();
        var node = parent.Value("hurdle");
        if (node is YamlScalarNode)
        {
            if (!YamlValues.Bool(parent.Source, node, "hurdle"))
            {
                parent.Record("hurdle", "off");
                return null;
            }
            node = null; // "on": the defaults, recorded as if the key were absent
        }
        var s = node is null ? Empty(parent, "hurdle", HurdleKeys) : parent.Section("hurdle", HurdleKeys);
        return new HurdleSettings
        {
            Task = EvaluationSection.OptionalTask(s, "task"),
            Steps = s.Int("steps", d.Steps, 1, 1_000_000),
            MinValidationAccuracy = s.Double("min_validation_accuracy", d.MinValidationAccuracy, 0, 1),
        };
    }

    private static YamlSection Empty(YamlSection parent, string key, IReadOnlyList<string> keys) =>
        YamlSection.Of(parent.Source, new YamlMappingNode(), parent.PathOf(key), keys);
}
