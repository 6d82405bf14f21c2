using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cluster.Runs;

/// <summary>How the files of a run directory are written (atomically) and read (strictly, a bad file named with what it should hold).</summary>
internal static class RunJson
{
    // Metrics and objectives may be infinite or NaN (a rejected candidate's loss): write them as "Infinity", "NaN".
    private static readonly JsonSerializerOptions Write = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    // Reading refuses a missing field or a null where the record has none, so `{}` is reported here
    // rather than as a null reference in a table later.
    private static readonly JsonSerializerOptions Read = new(Write)
    {
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    /// <summary>Writes beside the file and renames, so a reader (status on a live run) never sees half a file.</summary>
    public static void WriteAtomically<T>(string file, T value)
    {
        string tmp = file + ".tmp";
        File.WriteAllText(tmp, JsonSerializer.Serialize(value, Write));
        File.Move(tmp, file, overwrite: true);
    }

    /// <summary>The file's content, or null when there is no such file.</summary>
    /// <param name="expected">What the file should hold, for the error (e.g. "a run's status (the JSON object the coordinator writes)").</param>
    /// <exception cref="RunDirectoryException">The file is not <paramref name="expected"/>; the message names it.</exception>
    public static T? ReadIfExists<T>(string file, string expected) where T : class
    {
        if (!File.Exists(file)) return null;
        T? value;
        try { value = JsonSerializer.Deserialize<T>(File.ReadAllText(file), Read); }
        catch (JsonException e) { throw Corrupt(file, expected, e.Message); }
        return value ?? throw Corrupt(file, expected, "it holds null");
    }

    private static RunDirectoryException Corrupt(string file, string expected, string why) =>
        new($"{file} does not hold {expected}: {why.ReplaceLineEndings(" ")}");
}
