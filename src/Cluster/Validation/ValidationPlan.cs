using Cluster.Confirmation;
using Cluster.Protocol;
using Cluster.Spaces;
using Evaluators.Candidates;
using Evaluators.Families;
using Evaluators.Tasks;
using Search.Core;
using Search.Engine;

namespace Cluster.Validation;

/// <summary>
/// What `search validate` retrains and how: confirm's candidates (the best front members per
/// objective and the space's baselines) plus baselines named on the command line, each on proxy tasks
/// of the run's family that the user picks (other tasks and datasets than the search's), with the run's
/// plan cut to one task and one seed per job, and seeds no proposal, baseline or confirmation takes.
/// </summary>
public static class ValidationPlan
{
    /// <summary>Confirm's candidates, then every extra baseline (parsed with the run's family, canonical text, or a built-in baseline's name) not already among them.</summary>
    /// <exception cref="ArgumentException">An extra baseline the family does not parse; the message names the text and the problem.</exception>
    public static IReadOnlyList<ConfirmationCandidate> Candidates(SearchSpace space, StatusReport status, int top, IReadOnlyList<string> extraBaselines)
    {
        var candidates = ConfirmationPlan.Candidates(space, status, top).ToList();
        foreach (var text in extraBaselines)
        {
            string genome;
            if (space.FamilySpace?.Family.BaselineBuiltins.Contains(text) == true) genome = text;
            else try { genome = space.Family.Parse(text).Text; }
            catch (GenomeParseException e) { throw new ArgumentException($"--baselines: '{text}' is not a {space.Family.Name} genome: {e.Message}"); }
            if (!candidates.Any(c => c.Genome == genome)) candidates.Add(new ConfirmationCandidate(genome, ConfirmationCandidate.BaselineRole, null));
        }
        return candidates;
    }

    /// <summary>
    /// A comma-separated list of genome texts; commas inside parentheses or brackets belong to the
    /// genome ("bspline(grid=5,order=3)"). An unclosed parenthesis runs to the end (the parser then names the text).
    /// </summary>
    public static IReadOnlyList<string> SplitList(string? list)
    {
        var items = new List<string>();
        if (string.IsNullOrWhiteSpace(list)) return items;
        int depth = 0, start = 0;
        for (int i = 0; i <= list.Length; i++)
        {
            char c = i < list.Length ? list[i] : ',';
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}') depth = Math.Max(0, depth - 1);
            else if (c == ',' && (depth == 0 || i == list.Length))
            {
                var item = list[start..i].Trim();
                if (item.Length > 0) items.Add(item);
                start = i + 1;
            }
        }
        return items;
    }

    /// <summary>The task names, checked: each a proxy task of the run's family, each once, at least one.</summary>
    /// <exception cref="ArgumentException">An unknown task or one of another family; the message names it and lists the family's tasks.</exception>
    public static IReadOnlyList<string> Tasks(SearchSpace space, IReadOnlyList<string> names)
    {
        var family = LayerFamilies.Find(space.Family.Name);
        var valid = family?.Tasks.Select(t => t.Name).ToArray() ?? [];
        string choices = valid.Length == 0 ? $"the family '{space.Family.Name}' has no proxy tasks" : $"tasks of the run's family '{space.Family.Name}': {string.Join(", ", valid)}";
        if (names.Count == 0) throw new ArgumentException($"--tasks: name at least one task; {choices}");
        foreach (var name in names)
        {
            if (valid.Contains(name)) continue;
            var task = ProxyTasks.List.FirstOrDefault(t => t.Name == name);
            throw new ArgumentException(task is null
                ? $"--tasks: unknown task '{name}'; {choices}"
                : $"--tasks: task '{name}' belongs to the family '{ProxyTasks.FamilyOf(task).Name}', not the run's; {choices}");
        }
        return names.Distinct().ToArray();
    }

    /// <summary>
    /// The run's plan for one training of <paramref name="task"/>: confirm's plan (one seed, no
    /// hurdle, stability check or equivalence cache) on that task alone, the run's objectives measured
    /// on it ("metric@searchtask" becomes "metric"). The run's budget overrides (epochs, training
    /// subset, unit gain) were chosen for its own tasks: another task trains with its own budget.
    /// </summary>
    public static EvaluationPlan Plan(EvaluationPlan run, string task)
    {
        var plan = ConfirmationPlan.Plan(run) with { Tasks = [task], Objectives = run.Objectives.Select(MetricOf).ToArray() };
        return run.Tasks.Contains(task) ? plan : plan with { Epochs = null, TrainSubset = null, UnitGain = null };
    }

    private static string MetricOf(string objective) => objective.IndexOf('@') is var at and >= 0 ? objective[..at].Trim() : objective;

    /// <summary>Offset of validation seed ids: far below confirm's (-1 - k) and the baselines' (-1); proposals take ids from 0 up.</summary>
    public const long SeedIdOffset = -100_000;

    /// <summary>Training seed of validation seed k (1-based): the same for every task and candidate, so gains are paired.</summary>
    public static ulong SeedFor(ulong runSeed, int k) =>
        k >= 1 ? EvaluationSeeds.For(runSeed, SeedIdOffset - k) : throw new ArgumentOutOfRangeException(nameof(k), k, "seed index starts at 1");

    /// <summary>A baseline's name in `name: value` lines: the genome text with every run of other characters than letters and digits made one '_', trimmed of '_' ("relu(x)" -> "relu_x").</summary>
    public static string NameOf(string genome)
    {
        var chars = new System.Text.StringBuilder();
        foreach (char c in genome)
            if (char.IsAsciiLetterOrDigit(c)) chars.Append(c);
            else if (chars.Length > 0 && chars[^1] != '_') chars.Append('_');
        return chars.ToString().Trim('_');
    }
}
