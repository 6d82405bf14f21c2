using Cluster.Spaces.Yaml;
using Evaluators.Candidates;
using YamlDotNet.RepresentationModel;

namespace Cluster.Spaces.Sections;

/// <summary>
/// The "rejection" section: numeric sanity thresholds, the quality hurdle (a mapping, or off), the
/// stability check (a mapping, on or off; absent = the family's default) and the
/// functional-equivalence cache. Absent keys keep <see cref="EvaluationPlan"/>'s defaults.
/// </summary>
internal static class RejectionSection
{
    private static readonly string[] Keys = ["sanity", "hurdle", "stability", "equivalence_cache"];
    private static readonly string[] SanityKeys = ["max_abs_output", "min_output_std", "max_abs_gradient"];
    private static readonly string[] HurdleKeys = ["task", "steps", "min_validation_accuracy"];
    private static readonly string[] StabilityKeys = ["steps", "step_size", "max_gradient_norm", "batch_size"];

    public static EvaluationPlan Read(YamlSection top, EvaluationPlan plan)
    {
        var s = top.OptionalSection("rejection", Keys) ?? YamlSection.Of(top.Source, new YamlMappingNode(), "rejection", Keys);
        return plan with
        {
            Sanity = Sanity(s),
            Hurdle = Hurdle(s),
            Stability = Stability(s),
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

    // Absent: null, so the evaluator applies the family's default (on for norm-act, off for activation).
    // "off" turns it off, "on" turns it on with the defaults; a mapping turns it on with its values.
    private static StabilitySettings? Stability(YamlSection parent)
    {
        var d = new StabilitySettings();
        var node = parent.Value("stability");
        if (node is null) return null;
        if (node is YamlScalarNode)
        {
            bool on = YamlValues.Bool(parent.Source, node, "stability");
            parent.Record("stability", on ? "on" : "off");
            return d with { Enabled = on };
        }
        var s = parent.Section("stability", StabilityKeys);
        return new StabilitySettings
        {
            Steps = s.Int("steps", d.Steps, 0, 10_000),
            StepSize = s.Double("step_size", d.StepSize, 0, 1e6),
            MaxGradientNorm = s.Double("max_gradient_norm", d.MaxGradientNorm, 1e-12, 1e300),
            BatchSize = s.Int("batch_size", d.BatchSize, 1, 1_000_000),
        };
    }

    private static YamlSection Empty(YamlSection parent, string key, IReadOnlyList<string> keys) =>
        YamlSection.Of(parent.Source, new YamlMappingNode(), parent.PathOf(key), keys);
}
