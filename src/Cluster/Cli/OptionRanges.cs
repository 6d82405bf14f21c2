using System.CommandLine;
using System.CommandLine.Parsing;

namespace Cluster.Cli;

/// <summary>
/// Range checks on numeric options, run while parsing: a value out of range is refused before anything
/// starts, as one `error:` line naming the option, the value and the range (exit 2, see <see cref="CommandLine.Run"/>).
/// </summary>
public static class OptionRanges
{
    public static Option<int> AtLeast(this Option<int> option, int min) => option.Within(min, int.MaxValue);

    public static Option<int> Within(this Option<int> option, int min, int max)
    {
        option.Validators.Add(r =>
        {
            if (TryValue(r, out int v)) Check(r, option.Name, v, min, max);
        });
        return option;
    }

    public static Option<int?> AtLeast(this Option<int?> option, int min)
    {
        option.Validators.Add(r =>
        {
            if (TryValue(r, out int? v) && v is int value) Check(r, option.Name, value, min, int.MaxValue);
        });
        return option;
    }

    /// <summary>A finite value of at least <paramref name="min"/> (NaN and infinities are refused too).</summary>
    public static Option<double> AtLeast(this Option<double> option, double min)
    {
        option.Validators.Add(r =>
        {
            if (TryValue(r, out double v) && !(double.IsFinite(v) && v >= min))
                r.AddError($"{option.Name} {v.ToString(System.Globalization.CultureInfo.InvariantCulture)}: expected a finite number of at least {min.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        });
        return option;
    }

    /// <summary>The value the command line gave; false when it gave none or one that does not convert (reported by the parser itself).</summary>
    public static bool TryValue<T>(OptionResult? result, out T value)
    {
        value = default!;
        if (result is null || result.Implicit) return false;
        try
        {
            value = result.GetValueOrDefault<T>();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void Check(OptionResult result, string name, int value, int min, int max)
    {
        if (value >= min && value <= max) return;
        result.AddError(max == int.MaxValue ? $"{name} {value}: expected at least {min}" : $"{name} {value}: expected {min} to {max}");
    }
}
