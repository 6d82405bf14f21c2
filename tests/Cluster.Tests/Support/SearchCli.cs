using System.CommandLine;
using Cluster.Cli;

namespace Cluster.Tests.Support;

/// <summary>The `search` commands in-process over a test's composition, and space files written into fresh folders.</summary>
internal static class SearchCli
{
    /// <summary>Parses and runs one command line of the search commands built over <paramref name="composition"/>; the exit code.</summary>
    public static Task<int> Invoke(SearchComposition composition, params string[] args)
    {
        var root = new RootCommand("test");
        foreach (var c in SearchCommands.Create(composition)) root.Subcommands.Add(c);
        return CommandLine.InvokeAsync(root, args);
    }

    /// <summary>Writes <paramref name="yaml"/> as <paramref name="fileName"/> in a new temporary folder; its path (the folder holds the test's run too).</summary>
    public static string WriteSpace(string prefix, string fileName, string yaml)
    {
        string dir = TestRuns.TempDir(prefix);
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, fileName);
        File.WriteAllText(path, yaml);
        return path;
    }
}
