using System.CommandLine;
using Evaluators.Families;
using Evaluators.Runtime;
using Evaluators.Slots;
using Evaluators.Tasks;
using Evaluators.Training;
using Spectre.Console;

namespace Cluster.Cli;

/// <summary>
/// `search train`: trains one proxy task with one layer of the family its slots take (e.g.
/// --activation for the activation tasks, --layer for the norm-act tasks) and prints its metrics.
/// `--data FILE.csv` trains the CSV task (kan-csv) on the user's own regression data (<see cref="CsvOptions"/>).
/// </summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var task = new Option<string?>("--task")
        {
            Description = $"proxy task: {string.Join(", ", ProxyTasks.List.Select(t => t.Name))}; default {ProxyTasks.Default}, or the CSV task with --data FILE.csv",
        };
        // One option per evaluable family, named by the family (e.g. --activation, --layer for norm-act).
        var layers = LayerFamilies.All.Where(f => f.NotEvaluable is null).Select(f => (Family: f, Option: new Option<string?>("--" + f.TrainOption)
        {
            Description = $"{string.Join(", ", f.Tasks.Select(t => t.Name))}: {(f.Builtins.Count > 0 ? $"built-in layer ({string.Join(", ", f.Builtins)}) or " : "")}a genome of the {f.Name} family, e.g. '{f.Example}'; default {f.DefaultLayer}",
        })).ToArray();
        var epochs = new Option<int?>("--epochs") { Description = "override the task's epochs" }.AtLeast(1);
        var unitGain = new Option<bool?>("--unit-gain") { Description = "scale the layer to unit second moment under N(0,1) inputs (true/false; default: the task's, on in the activation search proxies)" };
        var seed = new Option<ulong>("--seed") { Description = "seed of weights and batch order", DefaultValueFactory = _ => 1 };
        var device = CommonOptions.Device();
        var threads = CommonOptions.Threads();
        var data = CommonOptions.Data();
        data.Description += "; or a regression file FILE.csv (header line, numbers, target last or --target), which trains the CSV task";
        var csv = new CsvOptions();

        var command = new Command("train", "Train a proxy task with one layer of the family its slots take and print its metrics")
            { task, epochs, unitGain, seed, device, threads, data, csv.Target, csv.SplitSeed, csv.Hidden };
        foreach (var (_, option) in layers) command.Options.Add(option);
        command.SetAction(result => CliErrors.Guard(() =>
        {
            var proxy = csv.Task(result, result.GetValue(task), result.GetValue(data));
            if (result.GetValue(epochs) is int e) proxy = proxy with { Training = proxy.Training with { Epochs = e } };
            if (result.GetValue(unitGain) is bool g) proxy = proxy with { Training = proxy.Training with { UnitGain = g } };
            var slot = SlotFor(proxy, layers.Select(l => (l.Family, Value: result.GetValue(l.Option))).ToArray());
            TorchRuntime.EnsureReady(result.GetValue(threads));
            var torchDevice = DeviceChoice.Resolve(result.GetValue(device)!);

            AnsiConsole.MarkupLineInterpolated($"[bold]{proxy.Name}[/]: {proxy.Description}");
            using var prepared = TaskData.Prepare(proxy, proxy.Csv is null ? result.GetValue(data) : null, torchDevice, line => AnsiConsole.WriteLine(line));
            AnsiConsole.WriteLine($"data: {prepared.TrainCount} train, {prepared.ValX?.shape[0] ?? 0} validation, {prepared.TestX.shape[0]} test; device {torchDevice}; " +
                $"{TorchSharp.torch.get_num_threads()} threads; kernels {KernelPinning.State}{(proxy.Training.UnitGain ? "; unit gain" : "")}");

            TrainingMetrics metrics = null!;
            AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var bar = ctx.AddTask($"training ({slot.Name})");
                    metrics = Trainer.Train(proxy.Template, slot, prepared, proxy.Training, result.GetValue(seed), p =>
                    {
                        bar.MaxValue = p.TotalSteps;
                        bar.Value = p.Step;
                        bar.Description = $"training ({slot.Name}) loss {p.Loss:F4}";
                    });
                    bar.Value = bar.MaxValue;
                });
            MetricsTable.Print(proxy.Name, slot.Name, metrics);
            return metrics.Diverged ? 1 : 0;
        }));
        return command;
    }

    /// <summary>
    /// What fills the task's slots: the option of the family whose tasks include it (a built-in name
    /// or a genome of that family, parsed with the family's default space); another family's option is refused.
    /// </summary>
    private static ISlotFactory SlotFor(ProxyTask task, (ILayerFamily Family, string? Value)[] given)
    {
        var family = ProxyTasks.FamilyOf(task);
        foreach (var (other, value) in given)
            if (value is not null && other != family)
                throw new ArgumentException($"task '{task.Name}' takes {family.Name} layers: give --{family.TrainOption}, not --{other.TrainOption} " +
                                            $"({other.Name} tasks: {string.Join(", ", other.Tasks.Select(t => t.Name))})");
        string text = given.FirstOrDefault(g => g.Family == family).Value ?? family.DefaultLayer;
        return family.Layer(text, family.DefaultSettings);
    }
}
