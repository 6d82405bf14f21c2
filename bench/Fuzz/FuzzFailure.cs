using System.Text;

namespace Bench.Fuzz;

/// <summary>One input that broke a target: enough to reproduce it (target, input seed) and to read it.</summary>
public sealed record FuzzFailure(string Target, ulong InputSeed, byte[] Input, string Problem)
{
    public override string ToString() =>
        $"FAIL {Target} seed=0x{InputSeed:X16} ({Input.Length} bytes): {Problem}\n" +
        $"  input (escaped): {Escape(Input, 2000)}\n  input (hex): {Convert.ToHexString(Input.AsSpan(0, Math.Min(Input.Length, 1000)))}" +
        (Input.Length > 1000 ? "..." : "");

    /// <summary>C#-literal style escaping of the UTF-8 text, cut at <paramref name="max"/> characters.</summary>
    public static string Escape(byte[] input, int max)
    {
        string text = Encoding.UTF8.GetString(input);
        var sb = new StringBuilder("\"");
        foreach (char c in text.Length > max ? text[..max] : text)
            sb.Append(c switch
            {
                '"' => "\\\"", '\\' => "\\\\", '\n' => "\\n", '\r' => "\\r", '\t' => "\\t",
                _ when c < ' ' || c > '~' => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        return sb.Append(text.Length > max ? "\"..." : "\"").ToString();
    }
}
