using Evaluators.Data.Csv;
using MessagePack;

namespace Cluster.Protocol.Data;

/// <summary><see cref="CsvSource"/> of a job's plan: the user's CSV file (a path the worker must see), target column and split seed.</summary>
[MessagePackObject]
public sealed record CsvData(
    [property: Key(0)] string Path,
    [property: Key(1)] string? Target,
    [property: Key(2)] ulong SplitSeed)
{
    public static CsvData From(CsvSource c) => new(c.Path, c.Target, c.SplitSeed);

    public CsvSource ToDomain() => new(Path, Target, SplitSeed);
}
