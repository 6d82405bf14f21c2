using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cluster.Spaces.Yaml;

/// <summary>
/// One search-space text being read: its name for messages, its lines (to place positions inside
/// genome texts), the folder its relative paths start from, and the canonical record of every value
/// read, from which the fingerprint is made.
/// </summary>
internal sealed class SpaceSource(string file, string text, string? relativeTo = null)
{
    private readonly string[] _lines = text.Split('\n');
    private readonly SortedDictionary<string, string> _canonical = new(StringComparer.Ordinal);

    public string File { get; } = file;

    /// <summary>
    /// An absolute path for a path written in the file (evaluation.data): relative ones start at the
    /// given folder (a run's copy names its original's), else the file's own folder, else (an
    /// embedded space) the current one.
    /// </summary>
    public string ResolvePath(string path)
    {
        string from = relativeTo
            ?? (!File.StartsWith("embedded:", StringComparison.Ordinal) && System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(File)) is { Length: > 0 } dir
                ? dir : Environment.CurrentDirectory);
        return System.IO.Path.GetFullPath(path, System.IO.Path.GetFullPath(from));
    }

    /// <summary>Values that make up the fingerprint, by dotted path (defaults included, so writing a default changes nothing).</summary>
    public IReadOnlyDictionary<string, string> Canonical => _canonical;

    public void Record(string path, string value) => _canonical[path] = value;

    public SearchSpaceException Error(Mark at, string problem) => new(File, (int)at.Line, (int)at.Column, problem);

    public SearchSpaceException Error(YamlNode node, string problem) => Error(node.Start, problem);

    /// <summary>The source line (1-based), without its line break; empty past the end.</summary>
    public string Line(long line) => line >= 1 && line <= _lines.Length ? _lines[line - 1].TrimEnd('\r') : "";
}
