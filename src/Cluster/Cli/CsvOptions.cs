using System.CommandLine;
using Evaluators.Data.Csv;
using Evaluators.Models;
using Evaluators.Tasks;

namespace Cluster.Cli;

/// <summary>
/// `search train --data FILE.csv`: a --data value ending in .csv that is not a directory is the
/// user's regression file (any other value keeps meaning a dataset directory), read by the CSV
/// task (the first task whose dataset is csv, kan-csv) unless --task names another CSV task.
/// --target, --split-seed and --hidden describe that file's task and are refused without one.
/// </summary>
public sealed class CsvOptions
{
    public Option<string?> Target { get; } = new("--target")
    {
        Description = "with --data FILE.csv: the target column's name (default: the last column; every other column is an input)",
    };

    public Option<ulong?> SplitSeed { get; } = new("--split-seed")
    {
        Description = "with --data FILE.csv: seed of the 70/15/15 train/validation/test split (default 0)",
    };

    public Option<int?> Hidden { get; } = new("--hidden")
    {
        Description = $"with --data FILE.csv: hidden width of the KAN [in, hidden, 1] (default 2 in + 1, at most {InputSizedSlotNet.MaxDefaultHidden})",
    };

    /// <summary>The task to train: --task, else the CSV task for a CSV file, else the default; bound to the file when it is a CSV task.</summary>
    public ProxyTask Task(ParseResult result, string? taskName, string? data)
    {
        if (!CsvSource.IsCsvPath(data))
        {
            if (result.GetValue(Target) is not null || result.GetValue(SplitSeed) is not null || result.GetValue(Hidden) is not null)
                throw new ArgumentException("--target, --split-seed and --hidden describe a CSV file: give it as --data FILE.csv");
            return ProxyTasks.Get(taskName ?? ProxyTasks.Default);
        }
        var csvTask = ProxyTasks.List.First(t => t.ReadsCsv);
        var task = taskName is null ? csvTask : ProxyTasks.Get(taskName);
        if (!task.ReadsCsv)
            throw new ArgumentException($"--data {data} is a CSV file, which task {csvTask.Name} reads; task '{task.Name}' reads a dataset directory (or none)");
        task = task.WithCsv(new CsvSource(data!, result.GetValue(Target), result.GetValue(SplitSeed) ?? 0));
        if (result.GetValue(Hidden) is int hidden)
        {
            if (hidden < 1) throw new ArgumentException($"--hidden {hidden}: expected at least 1");
            if (task.Template is not InputSizedSlotNet) throw new ArgumentException($"task '{task.Name}' has no hidden width to set");
            task = task with { Template = new InputSizedSlotNet(hidden) };
        }
        return task;
    }
}
