using System.Globalization;

namespace Bench;

/// <summary>Collects `name: value` figures and prints them last, as every benchmark must.</summary>
public sealed class Figures
{
    private readonly List<(string Name, string Value)> _items = [];

    public void Add(string name, double value, string format = "0.####") =>
        _items.Add((name, value.ToString(format, CultureInfo.InvariantCulture)));

    public void Print()
    {
        Console.WriteLine();
        foreach (var (name, value) in _items) Console.WriteLine($"{name}: {value}");
    }
}
