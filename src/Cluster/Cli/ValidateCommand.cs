using System.CommandLine;
using System.Globalization;
using Cluster.Confirmation;
using Cluster.Runs;
using Cluster.Validation;
using Spectre.Console;
using ValidationResult = Cluster.Validation.ValidationResult;

namespace Cluster.Cli;

/// <summary>
/// `search validate RUN --tasks a,b`: retrains confirm's candidates (best front members and baselines)
/// plus any `--baselines` on other proxy tasks of the run's family (and `--data` datasets) on S shared
/// seeds (default 5), then prints per task and objective each genome's mean ± sd and its paired gain
/// over every baseline, marking gains beyond the seed spread; `name: value` figures come last.
/// </summary>
public static class ValidateCommand
{
    public static Command Create(SearchComposition composition)
    {
        var dir = new Argument<string>("run") { Description = "run directory" };
        var tasks = new Option<string>("--tasks") { Description = "comma-separated proxy tasks of the run's family to retrain on", Required = true };
        var seeds = new Option<int>("--seeds") { Description = "training seeds per genome and task", DefaultValueFactory = _ => 5 }.AtLeast(1);
        var top = new Option<int>("--top") { Description = "front members per objective (best on it)", DefaultValueFactory = _ => 2 }.AtLeast(1);
        var baselines = new Option<string?>("--baselines") { Description = "comma-separated genome texts retrained beside the space's baselines, e.g. 'elu(x),tanh(x)'" };
        var workers = CommonOptions.Workers();
        var device = SearchCommands.Devices();
        var threads = CommonOptions.Threads(1);
        var data = CommonOptions.Data();
        var command = new Command("validate", "Retrain the best front members and the baselines on other tasks and datasets, on shared seeds, and compare them")
        {
            dir, tasks, seeds, top, baselines, workers, device, threads, data,
        };
        command.SetAction((result, cancel) => Task.Run(() => CliErrors.Guard(() =>
        {
            var run = RunRecord.Load(result.GetValue(dir)!);
            string path = run.Directory.Path;
            var status = run.Status ?? throw new ArgumentException($"{path}: the run has no results yet");
            var space = CsvPreflight.Checked(composition.SpaceOf(run));
            var taskNames = ValidationPlan.Tasks(space, ValidationPlan.SplitList(result.GetValue(tasks)));
            var candidates = ValidationPlan.Candidates(space, status, result.GetValue(top), ValidationPlan.SplitList(result.GetValue(baselines)));
            if (!candidates.Any(c => c.Role == ConfirmationCandidate.FrontRole)) throw new ArgumentException($"{path}: the front is empty; nothing to validate");
            foreach (var t in taskNames.Where(space.Evaluation.Tasks.Contains))
                Console.WriteLine($"note: the search itself trained on {t}; with the same data it does not test transfer");
            int n = result.GetValue(seeds), slots = result.GetValue(workers);
            string? dataArg = result.GetValue(data);
            string? dataDirectory = dataArg is null ? null : Path.GetFullPath(dataArg);
            var results = ValidationRunner.Run(run, space, candidates, taskNames, n, dataDirectory, slots,
                SearchCommands.Slots(composition, slots, result.GetValue(device)!, dataArg, result.GetValue(threads)), Console.WriteLine, cancel);
            if (cancel.IsCancellationRequested)
            {
                int saved = results.Count - run.Validation.Count;
                Console.WriteLine($"stopped; {saved} new trainings are saved in {run.Directory.ValidationFile} ({results.Count} in all); run the same command to go on");
                return 130;
            }
            Print(space.Objectives, candidates, taskNames, results, dataDirectory, n);
            return 0;
        }), CancellationToken.None));
        return command;
    }

    private static void Print(Search.Core.ObjectiveSet objectives, IReadOnlyList<ConfirmationCandidate> candidates, IReadOnlyList<string> tasks,
        IReadOnlyList<ValidationResult> results, string? dataDirectory, int seeds)
    {
        var perTask = tasks.Select(t => ValidationSummary.Of(objectives, candidates, results, t, dataDirectory, seeds)).ToArray();
        AnsiConsole.WriteLine(perTask[0].Count == 0 ? "no baseline: no gains"
            : "vs B = paired per-seed difference against baseline B (positive = better); * = mean gain above both genomes' seed sd");
        for (int t = 0; t < tasks.Count; t++)
        {
            var comparisons = perTask[t];
            for (int i = 0; i < objectives.Count; i++)
            {
                AnsiConsole.WriteLine($"task {tasks[t]}, objective {objectives.Items[i].Name}");
                var table = new Table().AddColumns("", "id", "genome", "mean ± sd", "per seed");
                foreach (var cmp in comparisons) table.AddColumn(Markup.Escape($"vs {cmp.Baseline.Genome}"));
                var rows = comparisons.Count > 0 ? comparisons[0].PerObjective[i]
                    : ConfirmationSummary.Against(objectives, candidates, null, (c, k) => results.FirstOrDefault(r => r.Is(c.Genome, tasks[t], dataDirectory, k))?.Objectives, seeds)[i];
                foreach (var r in rows)
                {
                    var cells = new List<string>
                    {
                        r.Candidate.Role, r.Candidate.ProposalId?.ToString() ?? "-", Markup.Escape(r.Candidate.Genome), $"{F(r.Mean)} ± {F(r.Sd)}", string.Join(" ", r.Values.Select(F)),
                    };
                    foreach (var cmp in comparisons)
                    {
                        var row = cmp.PerObjective[i].First(x => x.Candidate == r.Candidate);
                        cells.Add(r.Candidate == cmp.Baseline || row.Gains.Length == 0 ? "" : $"{G(row.MeanGain)} ± {F(row.GainSd)}{(row.BeatsBeyondSpread ? " *" : "")}");
                    }
                    table.AddRow(cells.ToArray());
                }
                AnsiConsole.Write(table);
            }
        }
        for (int t = 0; t < tasks.Count; t++)
        {
            foreach (var cmp in perTask[t])
                for (int i = 0; i < objectives.Count; i++)
                {
                    var front = cmp.PerObjective[i].Where(r => r.Candidate.Role == ConfirmationCandidate.FrontRole && !double.IsNaN(r.MeanGain)).ToArray();
                    if (front.Length > 0)
                        Console.WriteLine($"validate_{tasks[t]}_{objectives.Items[i].Name}_best_gain_vs_{ValidationPlan.NameOf(cmp.Baseline.Genome)}: {G(front.Max(r => r.MeanGain))}");
                }
            Console.WriteLine($"validate_{tasks[t]}_front_beating_all_baselines: {ValidationSummary.BeatingAll(candidates, perTask[t]).Count}");
        }
    }

    private static string F(double v) => v.ToString("0.0000", CultureInfo.InvariantCulture);
    private static string G(double v) => ProgressDisplay.Signed(v);
}
