using System.CommandLine;
using System.Globalization;
using Cluster.Confirmation;
using Cluster.Runs;
using Spectre.Console;

namespace Cluster.Cli;

/// <summary>
/// `search confirm RUN`: retrains the run's best front members and its baselines on the same S seeds
/// (default 3), then prints per objective each genome's mean ± sd and its paired gain over the first
/// baseline, marking gains beyond the seed spread; `name: value` figures come last.
/// </summary>
public static class ConfirmCommand
{
    public static Command Create(SearchComposition composition)
    {
        var dir = new Argument<string>("run") { Description = "run directory" };
        var seeds = new Option<int>("--seeds") { Description = "training seeds per genome", DefaultValueFactory = _ => 3 }.AtLeast(1);
        var top = new Option<int>("--top") { Description = "front members per objective (best on it)", DefaultValueFactory = _ => 2 }.AtLeast(1);
        var workers = CommonOptions.Workers();
        var device = SearchCommands.Devices();
        var threads = CommonOptions.Threads(1);
        var data = CommonOptions.Data();
        var command = new Command("confirm", "Retrain the best front members and the baselines on shared seeds and compare them") { dir, seeds, top, workers, device, threads, data };
        command.SetAction((result, cancel) => Task.Run(() => CliErrors.Guard(() =>
        {
            var run = RunRecord.Load(result.GetValue(dir)!);
            string path = run.Directory.Path;
            var status = run.Status ?? throw new ArgumentException($"{path}: the run has no results yet");
            var space = CsvPreflight.Checked(composition.SpaceOf(run));
            var candidates = ConfirmationPlan.Candidates(space, status, result.GetValue(top));
            if (!candidates.Any(c => c.Role == ConfirmationCandidate.FrontRole)) throw new ArgumentException($"{path}: the front is empty; nothing to confirm");
            int n = result.GetValue(seeds), slots = result.GetValue(workers);
            var results = ConfirmationRunner.Run(run, space, candidates, n, slots,
                SearchCommands.Slots(composition, slots, result.GetValue(device)!, result.GetValue(data), result.GetValue(threads)), Console.WriteLine, cancel);
            if (cancel.IsCancellationRequested)
            {
                AnsiConsole.WriteLine($"stopped; {results.Count} trainings are saved in {run.Directory.ConfirmationFile}; run the same command to go on");
                return 130;
            }
            Print(space.Objectives.Items.Select(o => o.Name).ToArray(), candidates, ConfirmationSummary.Of(space.Objectives, candidates, results, n));
            return 0;
        }), CancellationToken.None));
        return command;
    }

    private static void Print(string[] objectives, IReadOnlyList<ConfirmationCandidate> candidates, IReadOnlyList<ConfirmationRow>[] perObjective)
    {
        var reference = candidates.FirstOrDefault(c => c.Role == ConfirmationCandidate.BaselineRole);
        AnsiConsole.WriteLine(reference is null ? "no baseline: no gains"
            : $"gain = paired per-seed difference against {reference.Genome} (positive = better); * = mean gain above both genomes' seed sd");
        for (int i = 0; i < objectives.Length; i++)
        {
            AnsiConsole.WriteLine($"objective {objectives[i]}");
            var table = new Table().AddColumns("", "id", "genome", "mean ± sd", "per seed", "gain ± sd", "");
            foreach (var r in perObjective[i])
                table.AddRow(r.Candidate.Role, r.Candidate.ProposalId?.ToString() ?? "-", Markup.Escape(r.Candidate.Genome), $"{F(r.Mean)} ± {F(r.Sd)}",
                    string.Join(" ", r.Values.Select(F)), r.Gains.Length == 0 || r.Candidate == reference ? "" : $"{G(r.MeanGain)} ± {F(r.GainSd)}", r.BeatsBeyondSpread ? "*" : "");
            AnsiConsole.Write(table);
        }
        var wins = ConfirmationSummary.Wins(perObjective);
        foreach (var (genome, count) in wins.OrderByDescending(kv => kv.Value)) AnsiConsole.WriteLine($"{genome}: beats the reference on {count} of {objectives.Length}");
        for (int i = 0; i < objectives.Length; i++)
        {
            var front = perObjective[i].Where(r => r.Candidate.Role == ConfirmationCandidate.FrontRole && !double.IsNaN(r.MeanGain)).ToArray();
            if (front.Length > 0) Console.WriteLine($"confirm_{objectives[i]}_best_gain: {G(front.Max(r => r.MeanGain))}");
        }
        Console.WriteLine($"confirm_most_objectives_beaten: {(wins.Count == 0 ? 0 : wins.Values.Max())}");
    }

    private static string F(double v) => v.ToString("0.0000", CultureInfo.InvariantCulture);
    private static string G(double v) => ProgressDisplay.Signed(v);
}
