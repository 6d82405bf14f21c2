using Cluster.Spaces;
using Evaluators.Data.Csv;

namespace Cluster.Cli;

/// <summary>
/// A search over the user's CSV file reads it once before anything starts, so a bad file ends the
/// command with its file:line (exit 2) instead of failing every candidate on the workers.
/// </summary>
internal static class CsvPreflight
{
    public static SearchSpace Checked(SearchSpace space)
    {
        if (space.Evaluation.Csv is { } csv) CsvRegressionFile.Read(csv.Path, csv.Target);
        return space;
    }
}
