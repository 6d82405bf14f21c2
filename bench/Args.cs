using System.Globalization;

namespace Bench;

/// <summary>Tiny `--name value` reader for benchmark options; a bad value is named.</summary>
public static class Args
{
    public static int Int(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        if (i < 0) return fallback;
        if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int v))
            throw new ArgumentException($"{name}: expected an integer value");
        return v;
    }

    public static double Double(string[] args, string name, double fallback)
    {
        int i = Array.IndexOf(args, name);
        if (i < 0) return fallback;
        if (i + 1 >= args.Length || !double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            throw new ArgumentException($"{name}: expected a number");
        return v;
    }

    public static string Text(string[] args, string name, string fallback)
    {
        int i = Array.IndexOf(args, name);
        if (i < 0) return fallback;
        if (i + 1 >= args.Length) throw new ArgumentException($"{name}: expected a value");
        return args[i + 1];
    }

    /// <summary>Every value given to a repeatable option, e.g. `--basis a --basis b`.</summary>
    public static IReadOnlyList<string> All(string[] args, string name)
    {
        var values = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] != name) continue;
            if (i + 1 >= args.Length) throw new ArgumentException($"{name}: expected a value");
            values.Add(args[++i]);
        }
        return values;
    }
}
