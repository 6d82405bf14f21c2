using System.Text;

namespace Evaluators.Data.Text;

/// <summary>
/// fortune-mod's cookie files as one normalised text and its character vocabulary.
/// <para>
/// Reading: every regular file of the directory except the <c>.dat</c> indexes, the <c>.u8</c>
/// duplicates and symbolic links, in ordinal order of the file name, decoded as UTF-8 (invalid
/// bytes become U+FFFD, which the normalisation drops); each file ends with a newline before the
/// next one starts.
/// </para>
/// <para>
/// Normalisation to a fixed character set, '\n' plus printable ASCII (U+0020..U+007E), 96 at most:
/// '\r' is dropped; a tab becomes a space; the entry separator, a line holding only <c>%</c>,
/// becomes an empty line; Latin-1 letters lose their accents (é gives e, ß gives ss), typographic
/// quotes, dashes and the ellipsis become their ASCII spellings, and everything else outside the
/// set (backspaces and bells of the overstruck art, other symbols, stray bytes) is dropped.
/// </para>
/// The vocabulary is the set of characters the normalised text uses, sorted by code point.
/// </summary>
public sealed class FortunesCorpus
{
    private readonly int[] idOf = new int[128];

    public FortunesCorpus(string text)
    {
        Text = text ?? throw new ArgumentNullException(nameof(text));
        var seen = new bool[128];
        foreach (char c in text)
        {
            if (!InCharacterSet(c))
                throw new ArgumentException($"character U+{(int)c:X4} is outside the corpus character set; normalise first", nameof(text));
            seen[c] = true;
        }
        Vocabulary = [.. Enumerable.Range(0, 128).Where(i => seen[i]).Select(i => (char)i)];
        Array.Fill(idOf, -1);
        for (int i = 0; i < Vocabulary.Count; i++) idOf[Vocabulary[i]] = i;
    }

    public string Text { get; }
    /// <summary>The characters used, sorted by code point; a token id is an index into it.</summary>
    public IReadOnlyList<char> Vocabulary { get; }

    public static bool InCharacterSet(char c) => c == '\n' || c is >= ' ' and <= '~';

    public int Id(char c) => c < 128 && idOf[c] >= 0 ? idOf[c]
        : throw new ArgumentException($"character U+{(int)c:X4} is not in the vocabulary", nameof(c));

    /// <summary>The normalised text of the cookie files in <paramref name="directory"/>.</summary>
    public static FortunesCorpus Read(string directory)
    {
        var files = TextFiles(directory);
        if (files.Count == 0) throw new DatasetException($"{directory} holds no fortune cookie files", directory);
        var raw = new StringBuilder();
        foreach (var file in files)
        {
            string content;
            try { content = Encoding.UTF8.GetString(File.ReadAllBytes(file)); }
            catch (IOException e) { throw new DatasetException($"cannot read {file}: {e.Message}", file, e); }
            raw.Append(content);
            if (content.Length > 0 && content[^1] != '\n') raw.Append('\n');
        }
        return new FortunesCorpus(Normalize(raw.ToString()));
    }

    /// <summary>The cookie files of a directory in reading order (see the class summary).</summary>
    public static IReadOnlyList<string> TextFiles(string directory)
    {
        if (!Directory.Exists(directory)) return [];
        return [.. Directory.GetFiles(directory)
            .Where(f =>
            {
                string name = Path.GetFileName(f);
                return !name.StartsWith('.') && !name.EndsWith(".dat", StringComparison.Ordinal)
                    && !name.EndsWith(".u8", StringComparison.Ordinal) && new FileInfo(f).LinkTarget is null;
            })
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)];
    }

    // Latin-1 letters U+00C0..U+00FF without their accents (a table, not Unicode decomposition,
    // which the invariant-globalization build does not perform).
    private const string Latin1Letters = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";

    /// <summary>An ASCII spelling of a letter or typographic mark outside ASCII, or null.</summary>
    private static string? Folded(char c) => c switch
    {
        '\u00C6' => "AE",
        '\u00E6' => "ae",
        '\u00DE' => "Th",
        '\u00FE' => "th",
        '\u00DF' => "ss",
        >= '\u00C0' and <= '\u00FF' => Latin1Letters[c - 0xC0].ToString(),
        '\u00A0' => " ",
        '\u2018' or '\u2019' or '\u00B4' => "'",
        '\u201C' or '\u201D' => "\"",
        '\u2013' or '\u2014' => "-",
        '\u2026' => "...",
        _ => null,
    };

    /// <summary>Maps text onto the fixed character set (see the class summary).</summary>
    public static string Normalize(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var rawLine in text.Split('\n'))
        {
            string line = rawLine.Replace("\r", "");
            if (line != "%")
                foreach (char c in line)
                {
                    if (c is >= ' ' and <= '~') result.Append(c);
                    else if (c == '\t') result.Append(' ');
                    else if (Folded(c) is { } ascii) result.Append(ascii);
                    // anything else (control characters, U+FFFD, unmapped symbols) is dropped
                }
            result.Append('\n');
        }
        result.Length--; // Split gives one more piece than there are newlines
        return result.ToString();
    }
}
