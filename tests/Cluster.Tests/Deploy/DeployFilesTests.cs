using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Cluster.Tests.Deploy;

/// <summary>
/// What can be checked of deploy/ without Docker or Kubernetes: every YAML file parses; the compose file and the
/// manifests run one image; every command line in them (compose `command`, container `args`, the Dockerfile's
/// ENTRYPOINT and CMD, the README's `search ...` lines) is accepted by the program's own parser; the Dockerfile's
/// stages are the SDK build and the ASP.NET runtime, and what it copies exists.
/// </summary>
public sealed class DeployFilesTests
{
    private const string Image = "layer-search:latest";
    private static readonly string Compose = Path.Combine(DeployFiles.Deploy, "docker-compose.yml");
    private static readonly string Dockerfile = Path.Combine(DeployFiles.Deploy, "Dockerfile");
    private static readonly string K8s = Path.Combine(DeployFiles.Deploy, "k8s");

    public static TheoryData<string> YamlFiles() => [.. DeployFiles.YamlFiles().Select(f => Path.GetRelativePath(DeployFiles.Root, f))];

    [Theory]
    [MemberData(nameof(YamlFiles))]
    public void Every_yaml_file_parses_into_documents_that_say_what_they_are(string file)
    {
        var documents = DeployFiles.Documents(Path.Combine(DeployFiles.Root, file));
        Assert.NotEmpty(documents);
        if (!file.Contains("k8s")) return;
        foreach (var d in documents)
        {
            Assert.False(string.IsNullOrEmpty(d.Text("apiVersion")), $"{file}: a document without apiVersion");
            Assert.False(string.IsNullOrEmpty(d.Text("kind")), $"{file}: a document without kind");
            Assert.False(string.IsNullOrEmpty(d.Get("metadata")?.Text("name")), $"{file}: a {d.Text("kind")} without a name");
        }
    }

    [Fact]
    public void The_manifests_hold_what_a_cluster_needs()
    {
        var documents = Manifests().ToList();
        string[] kinds = [.. documents.Select(d => d.Text("kind")!)];
        foreach (var needed in new[] { "ServiceAccount", "Role", "RoleBinding", "Service", "Deployment", "Job", "PersistentVolumeClaim" })
            Assert.Contains(needed, kinds);
        // Discovery lists pods: the role must allow it.
        var role = documents.Single(d => d.Text("kind") == "Role");
        var rule = Assert.Single((YamlSequenceNode)role.Get("rules")!);
        Assert.Contains("pods", rule.Get("resources").Strings());
        Assert.Equal(["get", "list", "watch"], rule.Get("verbs").Strings().Order());
        // Every pod that runs the program uses that account and has both probes on the health port its command line opens.
        foreach (var workload in documents.Where(d => DeployFiles.Containers(d).Any()))
        {
            Assert.Equal("search", workload.Get("spec")!.Get("template")!.Get("spec")!.Text("serviceAccountName"));
            Assert.Equal("search", workload.Get("spec")!.Get("template")!.Get("metadata")!.Get("labels")!.Text("app"));
            foreach (var container in DeployFiles.Containers(workload))
            {
                string[] args = container.Get("args").Strings();
                string healthPort = args[Array.IndexOf(args, "--health-port") + 1];
                var ports = ((YamlSequenceNode)container.Get("ports")!).Children.ToDictionary(p => p.Text("name")!, p => p.Text("containerPort")!);
                Assert.Equal(healthPort, ports["health"]);
                Assert.Equal("/ready", container.Get("readinessProbe")!.Get("httpGet")!.Text("path"));
                Assert.Equal("/alive", container.Get("livenessProbe")!.Get("httpGet")!.Text("path"));
                Assert.Equal("health", container.Get("readinessProbe")!.Get("httpGet")!.Text("port"));
                Assert.Equal("health", container.Get("livenessProbe")!.Get("httpGet")!.Text("port"));
            }
        }
    }

    [Fact]
    public void Compose_and_manifests_run_the_one_image_the_dockerfile_builds()
    {
        var services = (YamlMappingNode)DeployFiles.Documents(Compose).Single().Get("services")!;
        var programServices = services.Children.Where(s => s.Key.ToString() is "coordinator" or "worker").ToList();
        Assert.Equal(2, programServices.Count);
        foreach (var (_, service) in programServices) Assert.Equal(Image, service.Text("image"));
        var build = services.Get("coordinator")!.Get("build")!;
        string context = Path.GetFullPath(Path.Combine(DeployFiles.Deploy, build.Text("context")!));
        Assert.Equal(Path.GetFullPath(DeployFiles.Root), context.TrimEnd(Path.DirectorySeparatorChar));
        Assert.Equal(Path.GetFullPath(Dockerfile), Path.GetFullPath(Path.Combine(context, build.Text("dockerfile")!)));
        Assert.Equal("postgres:15", services.Get("postgres")!.Text("image"));
        Assert.Equal("2", services.Get("worker")!.Get("deploy")!.Text("replicas"));

        var containers = Manifests().SelectMany(DeployFiles.Containers).ToList();
        Assert.NotEmpty(containers);
        foreach (var c in containers)
        {
            Assert.Equal(Image, c.Text("image"));
            Assert.Null(c.Get("command")); // the image's ENTRYPOINT runs the program; args are its command line
        }
    }

    public static TheoryData<string, string> CommandLines()
    {
        var data = new TheoryData<string, string>();
        var entrypoint = Exec(DockerInstruction("ENTRYPOINT"));
        Assert.Equal(["dotnet", "/app/Cluster.dll"], entrypoint);
        data.Add("Dockerfile CMD", JsonSerializer.Serialize(Exec(DockerInstruction("CMD"))));
        var services = (YamlMappingNode)DeployFiles.Documents(Compose).Single().Get("services")!;
        foreach (var name in new[] { "coordinator", "worker" })
            data.Add($"compose {name}", JsonSerializer.Serialize(services.Get(name)!.Get("command").Strings()));
        foreach (var file in Directory.EnumerateFiles(K8s, "*.yaml").Order(StringComparer.Ordinal))
            foreach (var workload in DeployFiles.Documents(file))
                foreach (var c in DeployFiles.Containers(workload))
                    data.Add($"{Path.GetFileName(file)} {workload.Text("kind")} {workload.Get("metadata")!.Text("name")}", JsonSerializer.Serialize(Args(c)));
        foreach (var line in ReadmeCommands())
            data.Add("deploy/README.md", JsonSerializer.Serialize(line));
        return data;
    }

    [Theory]
    [MemberData(nameof(CommandLines))]
    public void Every_command_line_is_accepted_by_the_programs_parser(string where, string argsJson)
    {
        string[] args = JsonSerializer.Deserialize<string[]>(argsJson)!;
        Assert.NotEmpty(args);
        var parsed = global::Cluster.Cli.CommandLine.Build().Parse(args);
        Assert.True(parsed.Errors.Count == 0, $"{where}: `search {string.Join(' ', args)}`: {string.Join("; ", parsed.Errors.Select(e => e.Message))}");
    }

    [Fact]
    public void The_dockerfile_builds_with_the_sdk_runs_on_aspnet_and_copies_what_exists()
    {
        var instructions = DeployFiles.DockerInstructions(Dockerfile);
        var stages = instructions.Where(i => i.Keyword == "FROM").Select(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(2, stages.Count);
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", stages[0][0]);
        Assert.Equal(["AS", "build"], stages[0][1..].Select(s => s.Equals("as", StringComparison.OrdinalIgnoreCase) ? "AS" : s));
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", stages[1][0]);
        string[] stageNames = [.. stages.Select(s => s.Last())];

        foreach (var (_, arguments) in instructions.Where(i => i.Keyword == "COPY"))
        {
            string[] parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts[0].StartsWith("--from=", StringComparison.Ordinal))
            {
                Assert.Contains(parts[0]["--from=".Length..], stageNames);
                continue;
            }
            foreach (var source in parts[..^1])
                Assert.True(File.Exists(Path.Combine(DeployFiles.Root, source)) || Directory.Exists(Path.Combine(DeployFiles.Root, source)),
                    $"Dockerfile copies {source}, which is not in the repository");
        }
        // The project files it restores from are the ones the program is built from.
        var run = instructions.Where(i => i.Keyword == "RUN").Select(i => i.Arguments).ToList();
        Assert.Contains(run, r => r.Contains("dotnet restore src/Cluster/Cluster.csproj"));
        Assert.Contains(run, r => r.Contains("dotnet publish src/Cluster/Cluster.csproj") && r.Contains("-o /app"));
        // The space the compose file and the manifests start from is copied into the image.
        Assert.True(File.Exists(Path.Combine(DeployFiles.Root, "searchspaces", "activation-default.yaml")));
        Assert.Contains(instructions, i => i.Keyword == "COPY" && i.Arguments == "searchspaces/ /app/searchspaces/");
    }

    /// <summary>A container's program arguments, with each $(VAR) checked against its env (Kubernetes expands it) and replaced by a sample value.</summary>
    private static string[] Args(YamlMappingNode container)
    {
        var env = ((container.Get("env") as YamlSequenceNode)?.Children ?? []).Select(e => e.Text("name")!).ToHashSet();
        return [.. container.Get("args").Strings().Select(a => Regex.Replace(a, @"\$\((\w+)\)", m =>
        {
            Assert.Contains(m.Groups[1].Value, env);
            return "10.0.0.7";
        }))];
    }

    private static IEnumerable<YamlMappingNode> Manifests() =>
        Directory.EnumerateFiles(K8s, "*.yaml").Order(StringComparer.Ordinal).SelectMany(DeployFiles.Documents);

    private static string DockerInstruction(string keyword) =>
        DeployFiles.DockerInstructions(Dockerfile).Last(i => i.Keyword == keyword).Arguments;

    /// <summary>An exec-form (JSON array) instruction's words; shell form is refused: signals must reach the program.</summary>
    private static string[] Exec(string rest)
    {
        Assert.StartsWith("[", rest);
        return JsonSerializer.Deserialize<string[]>(rest)!;
    }

    /// <summary>The `search ...` lines of deploy/README.md's code blocks, split on spaces (they use no quoting).</summary>
    private static IEnumerable<string[]> ReadmeCommands()
    {
        bool inBlock = false;
        foreach (var raw in File.ReadAllLines(Path.Combine(DeployFiles.Deploy, "README.md")))
        {
            string line = raw.Trim();
            if (line.StartsWith("```", StringComparison.Ordinal)) { inBlock = !inBlock; continue; }
            if (inBlock && line.StartsWith("search ", StringComparison.Ordinal))
                yield return line["search ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
    }
}
