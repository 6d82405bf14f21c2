namespace Evaluators.Tests.Data.Fetch;

/// <summary>A fact skipped when a command-line tool (e.g. dpkg-deb) is not on PATH.</summary>
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(string tool)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        if (!path.Split(Path.PathSeparator).Any(d => d.Length > 0 && File.Exists(Path.Combine(d, tool))))
            Skip = $"{tool} is not installed";
    }
}
