namespace Search.Core;

/// <summary>A genome text that does not parse: names the 0-based character position and what was expected there.</summary>
public sealed class GenomeParseException(string text, int position, string expected)
    : FormatException($"at position {position + 1}: expected {expected}, in \"{text}\"")
{
    public string Text { get; } = text;
    public int Position { get; } = position;
    public string Expected { get; } = expected;
}
