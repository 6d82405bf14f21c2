namespace Evaluators.Data.Csv;

/// <summary>One record of a CSV text: its fields (unquoted and trimmed) and the 1-based line it starts on.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);
