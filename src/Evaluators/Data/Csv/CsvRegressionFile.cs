using System.Globalization;
using Evaluators.Data.Files;

namespace Evaluators.Data.Csv;

/// <summary>
/// Reads a regression CSV: a header naming every column, then rows of finite numbers (invariant
/// culture: '.' decimals, exponents allowed). The target is the column named by <c>target</c>, or
/// the last column; every other column is an input. Any problem is a <see cref="DatasetException"/>
/// naming file:line, the column and what was expected.
/// </summary>
public static class CsvRegressionFile
{
    /// <summary>Fewest data rows: enough for 70/15/15 to leave at least two validation and two test rows.</summary>
    public const int MinRows = 10;

    public static CsvRegressionData Read(string path, string? target = null)
    {
        var records = CsvText.Parse(CsvText.Decode(DataFile.Read(path).Bytes, path), path);
        if (records.Count == 0)
            throw new DatasetException($"{path}: the file is empty; expected a header line naming the columns, then at least {MinRows} rows of numbers", path);

        var header = records[0];
        var names = header.Fields;
        CheckHeader(path, header);
        int targetColumn = target is null ? names.Count - 1 : IndexOf(names, target);
        if (targetColumn < 0)
            throw new DatasetException($"{path}:{header.Line}: no target column '{target}'; the columns are {string.Join(", ", names.Select(n => $"'{n}'"))}", path);

        int rows = records.Count - 1, inputs = names.Count - 1;
        var x = new double[rows * inputs];
        var y = new double[rows];
        for (int r = 0; r < rows; r++)
        {
            var record = records[r + 1];
            if (record.Fields.Count != names.Count)
                throw new DatasetException($"{path}:{record.Line}: the row has {record.Fields.Count} field{(record.Fields.Count == 1 ? "" : "s")}, " +
                                           $"the header has {names.Count}", path);
            for (int c = 0, k = 0; c < names.Count; c++)
            {
                double v = Number(path, record, c, names[c]);
                if (c == targetColumn) y[r] = v;
                else x[r * inputs + k++] = v;
            }
        }
        // Counted after the rows are checked, so a short file with a bad row names the bad row first.
        if (rows < MinRows)
            throw new DatasetException($"{path}:{records[^1].Line}: only {rows} data row{(rows == 1 ? "" : "s")} after the header; " +
                                       $"at least {MinRows} are needed for a train/validation/test split", path);
        var inputNames = names.Where((_, c) => c != targetColumn).ToArray();
        return new CsvRegressionData(path, inputNames, names[targetColumn], rows, x, y);
    }

    private static void CheckHeader(string path, CsvRecord header)
    {
        var names = header.Fields;
        for (int c = 0; c < names.Count; c++)
        {
            if (names[c].Length == 0)
                throw new DatasetException($"{path}:{header.Line}: column {c + 1} of the header has no name; every column needs one", path);
            int first = IndexOf(names, names[c]);
            if (first < c)
                throw new DatasetException($"{path}:{header.Line}: column {c + 1} of the header repeats the name '{names[c]}' of column {first + 1}; names must differ", path);
        }
        if (names.Count < 2)
            throw new DatasetException($"{path}:{header.Line}: the header names one column ('{names[0]}'); expected at least two: inputs and a target", path);
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int c = 0; c < names.Count; c++)
            if (string.Equals(names[c], name, StringComparison.Ordinal)) return c;
        return -1;
    }

    private static double Number(string path, CsvRecord record, int column, string name)
    {
        string text = record.Fields[column];
        string where = $"{path}:{record.Line}:";
        string col = $"column '{name}' (column {column + 1})";
        if (text.Length == 0)
            throw new DatasetException($"{where} an empty field in {col}; expected a number", path);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
            throw new DatasetException($"{where} '{text}' in {col} is not a number", path);
        if (!double.IsFinite(v))
            throw new DatasetException($"{where} '{text}' in {col} is not a finite number", path);
        return v;
    }
}
