using System.CommandLine;
using Cluster.Runs;
using Evaluators.Export;

namespace Cluster.Cli;

/// <summary>
/// `search export &lt;run&gt; --top K --format json|pytorch|torchsharp|latex [--out FILE] [--no-retrain]
/// [--retrain-tolerance X] [--data DIR] [--figures DIR]`: the run's best front members as code or data.
/// KAN networks too big for the run to keep their coefficients are trained again with the run's seed
/// for them (one thread, as a run's workers), which gives back the trained network; progress, the
/// comparison with the recorded objectives and a WARNING when they differ beyond the tolerance go to
/// stderr, so stdout carries only the export.
/// </summary>
public static class ExportCommand
{
    public static Command Create(SearchComposition composition)
    {
        var dir = new Argument<string>("run") { Description = "run directory" };
        var top = new Option<int>("--top") { Description = "how many front members, best first on the first objective", DefaultValueFactory = _ => 5 }.AtLeast(1);
        var format = new Option<string>("--format") { Description = $"one of {string.Join(", ", Exporter.Formats)}", DefaultValueFactory = _ => "json" };
        var output = new Option<string?>("--out") { Description = "file to write (default: standard output)" };
        var noRetrain = new Option<bool>("--no-retrain")
        {
            Description = "do not retrain KAN networks whose run kept no coefficients (too many values): export them from initialisation",
        };
        var tolerance = new Option<double>("--retrain-tolerance")
        {
            Description = "largest difference (relative above 1) between a retrained network's objectives and the run's taken as a match; beyond it a WARNING line",
            DefaultValueFactory = _ => ExportRetrainer.DefaultTolerance,
        }.AtLeast(0);
        var data = CommonOptions.Data();
        var figures = new Option<string?>("--figures")
        {
            Description = "with --format latex: write the run's plots (front, best so far, the layers) as PNG files into this folder and include them as figures",
        };
        var command = new Command("export", "Export the best layers of a run's front with their trained values") { dir, top, format, output, noRetrain, tolerance, data, figures };
        command.SetAction((result, cancel) => Task.Run(() => CliErrors.Guard(() =>
        {
            var run = RunRecord.Load(result.GetValue(dir)!);
            var space = composition.SpaceOf(run);
            var included = result.GetValue(figures) is { } folder
                ? ExportFigures.Write(run, space, folder, result.GetValue(format)!, result.GetValue(output), Console.Error.WriteLine)
                : null;
            // Threads 1: the run's workers' default, under which the retraining reproduces the run's training.
            var slot = new EvaluatorSlot(0, 1, "cpu", result.GetValue(data), Threads: 1, CompleteLearned: true);
            using var retrainer = result.GetValue(noRetrain)
                ? null
                : new ExportRetrainer(run, space, progress => composition.CreateEvaluator(slot with { TrainingProgress = progress }),
                    Console.Error.WriteLine, cancel, result.GetValue(tolerance));
            string text;
            try
            {
                text = RunExport.Export(run, space, result.GetValue(top), result.GetValue(format)!, retrainer, included);
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                Console.Error.WriteLine("stopped: nothing exported");
                return 130;
            }
            if (result.GetValue(output) is { } file)
            {
                File.WriteAllText(file, text);
                Console.Error.WriteLine($"wrote {file}");
            }
            else Console.Out.Write(text);
            return 0;
        }), CancellationToken.None));
        return command;
    }
}
