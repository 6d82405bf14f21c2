using Search.Core;

namespace Search.Tests.Engine.TestDoubles;

/// <summary>A tiny test genome: a list of digits, text "3 1 4".</summary>
public sealed class DigitGenome(IReadOnlyList<int> digits) : IGenome
{
    public IReadOnlyList<int> Digits { get; } = digits;
    public string Text { get; } = string.Join(' ', digits);
    public ulong StructuralHash => StableHash.Of(Text);
    public override string ToString() => Text;
}
