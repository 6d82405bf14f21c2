using Cluster.Spaces.Yaml;
using Evaluators.Candidates;
using Search.Core;
using Search.Engine;
using YamlDotNet.RepresentationModel;

namespace Cluster.Spaces.Sections;

/// <summary>
/// The optional "fidelity" section: multi-fidelity evaluation by rungs. Rung 0 is what every
/// candidate gets; each later rung names the fraction of the rung below promoted into it
/// (<c>promote</c>) and its own budget: <c>epochs</c> and <c>train_subset</c> (default: the
/// evaluation section's) and <c>seeds</c> (default 1), the objective then being the mean over those
/// seeds. <c>rank_by</c> names the objective rungs are ranked on (default: the first). Promoted
/// trainings skip the hurdle, the stability check and the equivalence cache: the candidate passed
/// them at rung 0.
/// </summary>
internal static class FidelitySection
{
    private static readonly string[] Keys = ["rungs", "rank_by"];
    private static readonly string[] RungKeys = ["epochs", "train_subset", "seeds", "promote"];

    /// <returns>Null without the section; else the engine's ladder and each rung's plan, rung 0 first.</returns>
    public static (FidelitySettings Settings, IReadOnlyList<EvaluationPlan> Plans)? Read(YamlSection top, EvaluationPlan plan, ObjectiveSet objectives)
    {
        var s = top.OptionalSection("fidelity", Keys);
        if (s is null) return null;
        var node = s.Required("rungs");
        if (node is not YamlSequenceNode { Children.Count: >= 2 } list)
            throw s.Source.Error(node, $"expected a list of at least two rungs (rung 0 for every candidate, then the promoted ones), got {YamlValues.Describe(node)}");

        var names = objectives.Items.Select(o => o.Name).ToArray();
        int rankBy = Array.IndexOf(names, s.Choice("rank_by", names, names[0], "objective"));

        var promote = new List<double>();
        var plans = new List<EvaluationPlan>();
        for (int r = 0; r < list.Children.Count; r++)
        {
            var rung = YamlSection.Of(s.Source, list.Children[r], $"fidelity.rungs.{r}", RungKeys);
            if (r == 0 && rung.Has("promote"))
                throw s.Source.Error(rung.KeyNode("promote"), "rung 0 is what every candidate gets; 'promote' belongs to the rungs after it");
            if (r > 0)
            {
                if (!rung.Has("promote")) throw s.Source.Error(rung.Node, $"rung {r} needs 'promote': the fraction of rung {r - 1} promoted into it, in (0, 1]");
                promote.Add(rung.Double("promote", 0, 1e-6, 1));
            }
            var rungPlan = plan with
            {
                Epochs = rung.OptionalInt("epochs", 1, 10_000) ?? plan.Epochs,
                TrainSubset = rung.OptionalInt("train_subset", 1, int.MaxValue) ?? plan.TrainSubset,
                Seeds = rung.Int("seeds", r == 0 ? plan.Seeds : 1, 1, 100),
            };
            if (r > 0) rungPlan = rungPlan with { Hurdle = null, Stability = new StabilitySettings { Enabled = false }, EquivalenceCache = false };
            plans.Add(rungPlan);
        }
        return (new FidelitySettings([.. promote], rankBy), plans);
    }
}
