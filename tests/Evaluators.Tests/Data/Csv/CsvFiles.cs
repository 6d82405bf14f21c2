using System.Globalization;
using System.Text;

namespace Evaluators.Tests.Data.Csv;

/// <summary>Small CSV texts for the reader tests.</summary>
internal static class CsvFiles
{
    /// <summary>Header "a,b,y" then <paramref name="rows"/> rows i, 2i, 3i+0.5 (lines 2 .. rows+1).</summary>
    public static string Table(int rows = 12)
    {
        var sb = new StringBuilder("a,b,y\n");
        for (int i = 0; i < rows; i++) sb.Append(CultureInfo.InvariantCulture, $"{i},{2 * i},{3 * i + 0.5}\n");
        return sb.ToString();
    }

    /// <summary><see cref="Table"/> with data line <paramref name="line"/> (1-based, the header is line 1) replaced.</summary>
    public static string WithLine(int line, string replacement, int rows = 12)
    {
        var lines = Table(rows).Split('\n');
        lines[line - 1] = replacement;
        return string.Join('\n', lines);
    }

    public static string Write(TempDir dir, string text, string name = "data.csv")
    {
        string path = dir.File(name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }
}
