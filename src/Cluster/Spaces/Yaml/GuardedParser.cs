using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Cluster.Spaces.Yaml;

/// <summary>
/// Passes YAML events through to the representation model and refuses the two shapes that would
/// take it down instead of failing: nesting deeper than <see cref="MaxDepth"/> (its loader recurses
/// once per level, so a long run of '[' overflows the stack) and an alias inside the node it names
/// (a recursive structure, on which YamlDotNet's alias-key comparison recurses forever).
/// </summary>
internal sealed class GuardedParser(IParser inner, SpaceSource src) : IParser
{
    /// <summary>Far deeper than any space file (they nest four or five levels).</summary>
    public const int MaxDepth = 64;

    private readonly List<string?> _open = [];

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext()) return false;
        switch (inner.Current)
        {
            case SequenceStart or MappingStart:
            {
                var start = (NodeEvent)inner.Current;
                if (_open.Count == MaxDepth) throw src.Error(start.Start, $"nesting deeper than {MaxDepth} levels");
                _open.Add(start.Anchor.IsEmpty ? null : start.Anchor.Value);
                break;
            }
            case SequenceEnd or MappingEnd:
                _open.RemoveAt(_open.Count - 1);
                break;
            case AnchorAlias alias when _open.Contains(alias.Value.Value):
                throw src.Error(alias.Start, $"alias *{alias.Value.Value} inside the node it names (a recursive structure)");
        }
        return true;
    }
}
