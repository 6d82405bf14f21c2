using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Cluster.Spaces.Yaml;

/// <summary>
/// Passes YAML events through to the representation model and refuses the shapes that would take
/// it down instead of failing: nesting deeper than <see cref="MaxDepth"/> (its loader recurses once
/// per level, so a long run of '[' overflows the stack), and an alias to an anchor that is not
/// complete before it: undefined, defined later, or the node the alias sits in (a recursive
/// structure). YamlDotNet keeps such aliases as placeholder nodes, and two placeholder keys in one
/// mapping make its equality check recurse until the stack overflows.
/// </summary>
internal sealed class GuardedParser(IParser inner, SpaceSource src) : IParser
{
    /// <summary>Far deeper than any space file (they nest four or five levels).</summary>
    public const int MaxDepth = 64;

    private readonly List<string?> _open = [];
    private readonly HashSet<string> _complete = new(StringComparer.Ordinal);

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext()) return false;
        switch (inner.Current)
        {
            case DocumentStart:
                _complete.Clear(); // anchors are per document
                break;
            case SequenceStart or MappingStart:
            {
                var start = (NodeEvent)inner.Current;
                if (_open.Count == MaxDepth) throw src.Error(start.Start, $"nesting deeper than {MaxDepth} levels");
                _open.Add(start.Anchor.IsEmpty ? null : start.Anchor.Value);
                break;
            }
            case SequenceEnd or MappingEnd:
                if (_open[^1] is { } anchor) _complete.Add(anchor);
                _open.RemoveAt(_open.Count - 1);
                break;
            case Scalar { Anchor.IsEmpty: false } scalar:
                _complete.Add(scalar.Anchor.Value);
                break;
            case AnchorAlias alias when !_complete.Contains(alias.Value.Value):
                throw src.Error(alias.Start, _open.Contains(alias.Value.Value)
                    ? $"alias *{alias.Value.Value} inside the node it names (a recursive structure)"
                    : $"alias *{alias.Value.Value} before (or without) its anchor &{alias.Value.Value}");
        }
        return true;
    }
}
