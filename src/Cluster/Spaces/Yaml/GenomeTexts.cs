using Search.Core;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cluster.Spaces.Yaml;

/// <summary>
/// Parses genome texts written in a search-space file. A <see cref="GenomeParseException"/> is
/// reported at the character it names inside the file: exact for one-line plain and quoted
/// scalars, the scalar's start for block scalars.
/// </summary>
internal static class GenomeTexts
{
    public static IGenome Parse(SpaceSource source, IGenomeFamily<IGenome> family, YamlScalarNode node, string what)
    {
        try
        {
            return family.Parse(node.Value ?? "");
        }
        catch (GenomeParseException e)
        {
            var (line, column) = Locate(source, node, e.Position);
            throw new SearchSpaceException(source.File, line, column,
                $"{what} '{node.Value}' is not a valid {family.Name} genome: expected {e.Expected} at character {e.Position + 1}");
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw source.Error(node, $"{what} '{node.Value}' is not a valid {family.Name} genome: {e.Message}");
        }
    }

    /// <summary>File line and column of the character at <paramref name="position"/> (0-based) of the scalar's value.</summary>
    public static (int Line, int Column) Locate(SpaceSource source, YamlScalarNode node, int position)
    {
        int line = (int)node.Start.Line, column = (int)node.Start.Column;
        if (node.Start.Line != node.End.Line || node.Style is ScalarStyle.Literal or ScalarStyle.Folded) return (line, column);
        string text = source.Line(line);
        int at = column - 1; // 0-based index of the scalar's first source character
        switch (node.Style)
        {
            case ScalarStyle.SingleQuoted:
                at++;
                for (int i = 0; i < position && at < text.Length; i++) at += text[at] == '\'' ? 2 : 1;
                break;
            case ScalarStyle.DoubleQuoted:
                at++;
                for (int i = 0; i < position && at < text.Length; i++) at += text[at] == '\\' ? EscapeLength(text, at) : 1;
                break;
            default:
                at += position;
                break;
        }
        return (line, at + 1);
    }

    private static int EscapeLength(string text, int at) => at + 1 < text.Length
        ? text[at + 1] switch { 'x' => 4, 'u' => 6, 'U' => 10, _ => 2 }
        : 1;
}
