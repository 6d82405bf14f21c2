using System.CommandLine;
using System.Text.Json;
using Cluster.Cli;
using Cluster.Protocol;
using Cluster.Runs;
using Cluster.Spaces;
using Cluster.Tests.Support;

namespace Cluster.Tests.Cli;

/// <summary>`search export` on a run directory of the default activation space with a hand-written front.</summary>
public sealed class ExportCommandTests
{
    private const string CrRelu = "relu(x) + @e(0.01) * x * exp(-x^2 / 2)";

    private static Task<int> Invoke(params string[] args)
    {
        var root = new RootCommand("test") { ExportCommand.Create(SearchComposition.Default) };
        return CommandLine.InvokeAsync(root, args);
    }

    /// <summary>A run of the embedded default space whose front holds relu (0.80), CRReLU with e trained to 0.0234 (0.85) and silu (0.82).</summary>
    private static string RunWithFront()
    {
        var dir = new RunDirectory(TestRuns.TempDir("export"));
        dir.Create(SearchSpaceFile.LoadEmbedded(), "in-memory", TimeProvider.System);
        FrontMember[] front =
        [
            new(4, "relu(x)", [0.80]),
            new(9, CrRelu, [0.85], new() { ["validation_accuracy"] = 0.85 }, new() { ["e"] = 0.0234 }),
            new(12, "silu(x)", [0.82]),
        ];
        dir.WriteStatus(new StatusReport(dir.RunId, 20, 20, 15, 5, 0, new() { ["hurdle"] = 5 }, front, 0, 1, true, 0, 0));
        return dir.Path;
    }

    [Fact]
    public async Task Json_holds_the_top_k_best_first_with_trained_values()
    {
        string run = RunWithFront(), file = Path.Combine(run, "top.json");
        Assert.Equal(0, await Invoke("export", run, "--top", "2", "--format", "json", "--out", file));
        var layers = JsonDocument.Parse(File.ReadAllText(file)).RootElement.EnumerateArray().ToArray();
        Assert.Equal(["activation-default_9", "activation-default_12"], layers.Select(l => l.GetProperty("name").GetString()));
        var e = layers[0].GetProperty("learnables").GetProperty("e");
        Assert.Equal(0.01, e.GetProperty("init").GetDouble());
        Assert.Equal(0.0234, e.GetProperty("value").GetDouble());
        Assert.Equal(0.85, layers[0].GetProperty("objectives").GetProperty("accuracy").GetDouble());
    }

    [Fact]
    public void Every_format_exports_the_whole_front_when_k_exceeds_it()
    {
        string run = RunWithFront();
        var space = SearchSpaceFile.LoadEmbedded();
        foreach (string format in Evaluators.Export.Exporter.Formats)
        {
            string text = RunExport.Export(RunRecord.Load(run), space, 10, format);
            Assert.Contains("0.0234", text);
        }
        Assert.Contains("class", RunExport.Export(RunRecord.Load(run), space, 1, "pytorch"));
    }

    [Fact]
    public async Task A_run_directory_given_with_a_trailing_separator_is_named_in_the_headers()
    {
        string run = RunWithFront(), id = Path.GetFileName(run), file = Path.Combine(run, "layers.py");
        Assert.Equal(0, await Invoke("export", run + Path.DirectorySeparatorChar, "--format", "pytorch", "--out", file));
        Assert.StartsWith($"\"\"\"Layers exported by the architecture search (run {id}).", File.ReadAllText(file));
        var record = RunRecord.Load(run + Path.DirectorySeparatorChar);
        Assert.Equal(id, record.Directory.RunId);
        foreach (var format in new[] { "torchsharp", "latex" })
            Assert.Contains($"(run {id})", RunExport.Export(record, SearchSpaceFile.LoadEmbedded(), 1, format));
    }

    [Fact]
    public async Task Latex_includes_the_runs_plots_as_figures_written_beside_it()
    {
        string run = RunWithFront(), tex = Path.Combine(run, "paper", "layers.tex");
        Directory.CreateDirectory(Path.GetDirectoryName(tex)!);
        string figures = Path.Combine(run, "paper", "figs");
        Assert.Equal(0, await Invoke("export", run, "--format", "latex", "--out", tex, "--figures", figures));
        var png = File.ReadAllBytes(Path.Combine(figures, "front.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.True(File.Exists(Path.Combine(figures, "curves.png")));
        string text = File.ReadAllText(tex);
        Assert.Contains("needs amsmath and graphicx", text);
        // Named relative to the .tex file's folder, so the document compiles where it lies.
        Assert.Contains("\\includegraphics[width=0.8\\linewidth]{figs/front.png}", text);
        Assert.Contains("\\includegraphics[width=0.8\\linewidth]{figs/curves.png}", text);
        Assert.Contains($"\\caption{{Run {Path.GetFileName(run)}: The search's Pareto front and its baselines.}}", text);
        Assert.True(text.IndexOf("\\begin{equation}", StringComparison.Ordinal) < text.IndexOf("\\begin{figure}", StringComparison.Ordinal));

        Assert.Equal(2, await Invoke("export", run, "--format", "json", "--figures", figures)); // only LaTeX has figures
    }

    [Fact]
    public async Task Bad_format_or_run_directory_ends_with_exit_code_2()
    {
        string run = RunWithFront();
        Assert.Equal(2, await Invoke("export", run, "--format", "onnx"));
        Assert.Equal(2, await Invoke("export", run, "--top", "0"));
        Assert.Equal(2, await Invoke("export", Path.Combine(run, "nope"), "--format", "json"));
        var ex = Assert.Throws<ArgumentException>(() => RunExport.Export(RunRecord.Load(run), SearchSpaceFile.LoadEmbedded(), 1, "onnx"));
        Assert.Contains("json, pytorch, torchsharp, latex", ex.Message);
    }
}
