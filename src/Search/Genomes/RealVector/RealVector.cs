using System.Globalization;
using System.Text;
using Search.Core;

namespace Search.Genomes.RealVector;

/// <summary>
/// An immutable vector of reals. Canonical text is `[0.5, 0.25]`: invariant culture, shortest
/// round-trip formatting ("R"), negative zero written as 0, so parse(text) gives the same values bit for bit.
/// </summary>
public sealed class RealVector : IGenome, IEquatable<RealVector>
{
    private readonly double[] _values;
    private string? _text;

    public RealVector(IEnumerable<double> values)
    {
        _values = values.Select(v => v == 0 ? 0.0 : v).ToArray();
        foreach (double v in _values)
            if (!double.IsFinite(v)) throw new ArgumentException("a real vector holds finite values only", nameof(values));
    }

    public IReadOnlyList<double> Values => _values;
    public int Count => _values.Length;
    public double this[int index] => _values[index];

    public string Text => _text ??= Format(_values);
    public ulong StructuralHash => StableHash.Of(Text);

    public bool Equals(RealVector? other) => other is not null && _values.AsSpan().SequenceEqual(other._values);
    public override bool Equals(object? obj) => Equals(obj as RealVector);
    public override int GetHashCode() => (int)StructuralHash;
    public override string ToString() => Text;

    public static string Format(IReadOnlyList<double> values)
    {
        var sb = new StringBuilder("[");
        for (int i = 0; i < values.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(values[i].ToString("R", CultureInfo.InvariantCulture));
        }
        return sb.Append(']').ToString();
    }
}
