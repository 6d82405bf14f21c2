using Cluster.Spaces;

namespace Cluster.Tests.Spaces;

/// <summary>Test helpers: the repository's searchspaces/ folder, a small valid space, and loading text through a temp file.</summary>
internal static class SpaceFiles
{
    public static string Folder { get; } = FindFolder();

    public static string PathOf(string name) => System.IO.Path.Combine(Folder, name + ".yaml");

    /// <summary>A valid activation space; line numbers matter to the error tests.</summary>
    public const string Valid =
        """
        name: t
        seed: 3
        family:
          name: activation
          mode: free
          unary: [sin, tanh, relu]
          max_nodes: 12
        strategy:
          name: aging
          population: 8
          sample: 3
        objectives:
          - metric: validation_accuracy
        evaluation:
          tasks: [fmnist-deep-mlp]
        budget:
          max_evaluations: 20
        baselines: [relu(x), gelu(x)]
        """;

    /// <summary>Writes <paramref name="yaml"/> to a temp file and loads it (the file is removed afterwards).</summary>
    public static SearchSpace Load(string yaml)
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"space-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        try { return SearchSpaceFile.Load(path); }
        finally { File.Delete(path); }
    }

    public static SearchSpaceException LoadFails(string yaml) => Assert.Throws<SearchSpaceException>(() => Load(yaml));

    /// <summary><see cref="Valid"/> with its 1-based line <paramref name="line"/> replaced (or removed when null).</summary>
    public static string WithLine(int line, string? replacement)
    {
        var lines = Valid.Split('\n').ToList();
        if (replacement is null) lines.RemoveAt(line - 1);
        else lines[line - 1] = replacement;
        return string.Join('\n', lines);
    }

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Search.sln"))) return System.IO.Path.Combine(dir.FullName, "searchspaces");
        throw new DirectoryNotFoundException("no Search.sln above the test directory");
    }
}
