using System.Globalization;

namespace Search.Genomes.Expressions;

/// <summary>Number formatting of the text form: shortest round-trip, invariant culture.</summary>
public static class Format
{
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
