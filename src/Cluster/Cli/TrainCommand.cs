using System.CommandLine;
using Evaluators.Models;
using Evaluators.Runtime;
using Evaluators.Slots;
using Evaluators.Tasks;
using Evaluators.Training;
using Search.Genomes.Activation;
using Search.Genomes.NormAct;
using Spectre.Console;

namespace Cluster.Cli;

/// <summary>
/// `search train`: trains one proxy task with one activation (activation tasks) or one norm-act layer
/// (the norm-act tasks fmnist-resnet, fmnist-mobilenet, fmnist-plaincnn) and prints its metrics.
/// </summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var task = new Option<string>("--task") { Description = "proxy task: " + string.Join(", ", ProxyTasks.List.Select(t => t.Name)), DefaultValueFactory = _ => ProxyTasks.Default };
        var activation = new Option<string?>("--activation") { Description = "activation tasks: built-in activation (" + string.Join(", ", BuiltinActivation.Names) + ", default relu) or an activation genome, e.g. 'relu(x) + @e(0.01) * x * exp(-x^2 / 2)'" };
        var layer = new Option<string?>("--layer")
        {
            Description = "norm-act tasks: built-in layer (" + string.Join(", ", BuiltinNormAct.Names) + ", default bn-relu) or a norm-act genome, e.g. 'x * sigmoid(v1 * x) / group_std(x) * gamma + beta'",
        };
        var epochs = new Option<int?>("--epochs") { Description = "override the task's epochs" };
        var seed = new Option<ulong>("--seed") { Description = "seed of weights and batch order", DefaultValueFactory = _ => 1 };
        var device = CommonOptions.Device();
        var threads = CommonOptions.Threads();
        var data = CommonOptions.Data();

        var command = new Command("train", "Train a proxy task with one activation or norm-act layer and print its metrics") { task, activation, layer, epochs, seed, device, threads, data };
        command.SetAction(result => CliErrors.Guard(() =>
        {
            var proxy = ProxyTasks.Get(result.GetValue(task)!);
            if (result.GetValue(epochs) is int e) proxy = proxy with { Training = proxy.Training with { Epochs = e } };
            var slot = SlotFor(proxy, result.GetValue(activation), result.GetValue(layer));
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

    /// <summary>
    /// What fills the task's slots: a built-in name gives TorchSharp's module, anything else is parsed
    /// as a genome of the family the task's template takes. The other family's option is refused.
    /// </summary>
    private static ISlotFactory SlotFor(ProxyTask task, string? activation, string? layer)
    {
        if (task.Template.Slots == SlotKind.NormAct)
        {
            if (activation is not null)
                throw new ArgumentException($"task '{task.Name}' has norm-act slots: give --layer (e.g. bn-relu or a norm-act genome), not --activation");
            string text = layer ?? "bn-relu";
            return BuiltinNormAct.Names.Contains(text) ? new BuiltinNormAct(text) : new NormActSlot(new NormActFamily().Parse(text));
        }
        if (layer is not null)
            throw new ArgumentException($"task '{task.Name}' has activation slots: give --activation, not --layer (norm-act tasks: {string.Join(", ", NormActTasks)})");
        string name = activation ?? "relu";
        return BuiltinActivation.Names.Contains(name) ? new BuiltinActivation(name) : new ActivationGenomeSlot(new ActivationFamily().Parse(name));
    }

    private static IEnumerable<string> NormActTasks => ProxyTasks.List.Where(t => t.Template.Slots == SlotKind.NormAct).Select(t => t.Name);
}
