using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cluster.Spaces.Yaml;

/// <summary>
/// One search-space text being read: its name for messages, its lines (to place positions inside
/// genome texts) and the canonical record of every value read, from which the fingerprint is made.
/// </summary>
internal sealed class SpaceSource(string file, string text)
{
    private readonly string[] _lines = text.Split('\n');
    private readonly SortedDictionary<string, string> _canonical = new(StringComparer.Ordinal);

    public string File { get; } = file;

    /// <summary>Values that make up the fingerprint, by dotted path (defaults included, so writing a default changes nothing).</summary>
    public IReadOnlyDictionary<string, string> Canonical => _canonical;

    public void Record(string path, string value) => _canonical[path] = value;

    public SearchSpaceException Error(Mark at, string problem) => new(File, (int)at.Line, (int)at.Column, problem);

    public SearchSpaceException Error(YamlNode node, string problem) => Error(node.Start, problem);

    /// <summary>The source line (1-based), without its line break; empty past the end.</summary>
    public string Line(long line) => line >= 1 && line <= _lines.Length ? _lines[line - 1].TrimEnd('\r') : "";
}
