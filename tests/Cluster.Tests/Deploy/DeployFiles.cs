using YamlDotNet.RepresentationModel;

namespace Cluster.Tests.Deploy;

/// <summary>The files under deploy/ as the tests read them: YAML documents, the command lines in them, the Dockerfile's instructions.</summary>
internal static class DeployFiles
{
    /// <summary>The repository root: the first folder above the test binaries that holds deploy/ and Search.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Deploy => Path.Combine(Root, "deploy");

    public static IEnumerable<string> YamlFiles() =>
        Directory.EnumerateFiles(Deploy, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>Every document of a (possibly multi-document) YAML file; throws when it does not parse.</summary>
    public static IReadOnlyList<YamlMappingNode> Documents(string file)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(file)) stream.Load(reader);
        return stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().ToList();
    }

    public static YamlNode? Get(this YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? Text(this YamlNode node, string key) => (node.Get(key) as YamlScalarNode)?.Value;

    public static string[] Strings(this YamlNode? node) =>
        node is YamlSequenceNode seq ? seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToArray() : [];

    /// <summary>The containers of a Kubernetes workload (Deployment, Job, StatefulSet): spec.template.spec.containers.</summary>
    public static IEnumerable<YamlMappingNode> Containers(YamlMappingNode document) =>
        (document.Get("spec")?.Get("template")?.Get("spec")?.Get("containers") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? [];

    /// <summary>The Dockerfile's instructions, continuation lines joined and comments dropped: (keyword, rest).</summary>
    public static IReadOnlyList<(string Keyword, string Arguments)> DockerInstructions(string file)
    {
        var instructions = new List<(string, string)>();
        string pending = "";
        foreach (var raw in File.ReadAllLines(file))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.EndsWith('\\')) { pending += line[..^1] + " "; continue; }
            line = pending + line;
            pending = "";
            int space = line.IndexOf(' ');
            instructions.Add((line[..space].ToUpperInvariant(), line[(space + 1)..].Trim()));
        }
        return instructions;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "deploy")) && File.Exists(Path.Combine(dir.FullName, "Search.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException($"no repository root above {AppContext.BaseDirectory}");
    }
}
