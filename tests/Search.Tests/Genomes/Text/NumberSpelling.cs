using System.Globalization;
using Search.Core;

namespace Search.Tests.Genomes.Text;

/// <summary>Equivalent non-canonical spellings of numbers, for tests that canonical text normalises them.</summary>
public static class NumberSpelling
{
    public static string Int(int n, Rng rng) => rng.NextInt(5) switch
    {
        0 => $"{n}.0",
        1 => $"+{n}",
        2 => $"{n}e0",
        3 => $"0{n}",
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    public static string Real(double x, Rng rng)
    {
        string r = x.ToString("R", CultureInfo.InvariantCulture);
        return rng.NextInt(4) switch
        {
            0 => x.ToString("E16", CultureInfo.InvariantCulture),
            1 => r.Contains('E') ? r : r.Contains('.') ? r + "00" : r + ".0",
            2 => "+" + r,
            _ => r,
        };
    }

    /// <summary>Random runs of spaces and tabs (possibly empty).</summary>
    public static string Space(Rng rng) => rng.NextInt(4) switch { 0 => " ", 1 => "\t ", 2 => "  ", _ => "" };
}
