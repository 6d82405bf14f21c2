using System.CommandLine;
using Evaluators.Runtime;
using Evaluators.Slots;
using Evaluators.Tasks;
using Evaluators.Training;
using Search.Genomes.Activation;
using Spectre.Console;

namespace Cluster.Cli;

/// <summary>`search train`: trains one proxy task with one activation and prints its metrics.</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var task = new Option<string>("--task") { Description = "proxy task: " + string.Join(", ", ProxyTasks.List.Select(t => t.Name)), DefaultValueFactory = _ => ProxyTasks.Default };
        var activation = new Option<string>("--activation") { Description = "built-in activation (" + string.Join(", ", BuiltinActivation.Names) + ") or an activation genome, e.g. 'relu(x) + @e(0.01) * x * exp(-x^2 / 2)'", DefaultValueFactory = _ => "relu" };
        var epochs = new Option<int?>("--epochs") { Description = "override the task's epochs" };
        var seed = new Option<ulong>("--seed") { Description = "seed of weights and batch order", DefaultValueFactory = _ => 1 };
        var device = CommonOptions.Device();
        var threads = CommonOptions.Threads();
        var data = CommonOptions.Data();

        var command = new Command("train", "Train a proxy task with one activation and print its metrics") { task, activation, epochs, seed, device, threads, data };
        command.SetAction(result => CliErrors.Guard(() =>
        {
            var proxy = ProxyTasks.Get(result.GetValue(task)!);
            if (result.GetValue(epochs) is int e) proxy = proxy with { Training = proxy.Training with { Epochs = e } };
            var slot = SlotFor(result.GetValue(activation)!);
            TorchRuntime.EnsureReady(result.GetValue(threads));
            var torchDevice = DeviceChoice.Resolve(result.GetValue(device)!);

            AnsiConsole.MarkupLineInterpolated($"[bold]{proxy.Name}[/]: {proxy.Description}");
            using var prepared = TaskData.Prepare(proxy, result.GetValue(data), torchDevice, line => AnsiConsole.WriteLine(line));
            AnsiConsole.WriteLine($"data: {prepared.TrainCount} train, {prepared.ValX?.shape[0] ?? 0} validation, {prepared.TestX.shape[0]} test; device {torchDevice}; {TorchSharp.torch.get_num_threads()} threads");

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

    /// <summary>A built-in name gives TorchSharp's module; anything else is parsed as an activation genome.</summary>
    private static ISlotFactory SlotFor(string text) =>
        BuiltinActivation.Names.Contains(text) ? new BuiltinActivation(text) : new ActivationGenomeSlot(new ActivationFamily().Parse(text));
}
