using System.Globalization;

namespace Search.Genomes.Text;

/// <summary>
/// The one spelling of a number in canonical genome text: invariant culture, shortest form that
/// round-trips ("1" not "1.0", "0.01" not "1e-2"), lower-case exponent where .NET needs one.
/// </summary>
public static class CanonicalNumber
{
    public static string Format(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "genome numbers are finite");
        if (value == 0) return "0"; // also folds -0
        return value.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');
    }

    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Rounds to a few significant digits so that operator-made numbers stay short in text.</summary>
    public static double RoundSignificant(double value, int digits = 3)
    {
        if (value == 0 || !double.IsFinite(value)) return value == 0 ? 0 : value;
        return double.Parse(value.ToString("G" + digits, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
