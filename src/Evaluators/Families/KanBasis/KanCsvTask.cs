using Evaluators.Data.Csv;
using Evaluators.Models;
using Evaluators.Tasks;

namespace Evaluators.Families.KanBasis;

/// <summary>
/// kan-csv: a KAN [in, hidden, 1] fitted to the user's own regression CSV (Data/Csv: inputs scaled
/// to [-1, 1] and the target standardised on the training rows of a seeded 70/15/15 split), trained
/// like the toy tasks; RMSEs are reported in the target's own units. The registered task has no file;
/// `search train --data FILE.csv` or a search space's evaluation.data supplies it (<see cref="ProxyTask.WithCsv"/>).
/// </summary>
public static class KanCsvTask
{
    public const string Name = "kan-csv";

    public static ProxyTask Task { get; } = new(Name, CsvDataset.Name, new InputSizedSlotNet(), KanTraining.Fit,
        $"your regression CSV (--data FILE.csv), KAN [in, hidden, 1] (hidden 2 in + 1, at most {InputSizedSlotNet.MaxDefaultHidden}, " +
        "unless --hidden), 70/15/15 split by seed, inputs scaled to [-1, 1] on the train rows, RMSE in the target's units, " + KanTraining.Description,
        Standardize: false);

    /// <summary>The task on one file, with an optional hidden width.</summary>
    public static ProxyTask For(CsvSource source, int? hidden = null) =>
        Task with { Csv = source, Template = hidden is null ? Task.Template : new InputSizedSlotNet(hidden) };
}
