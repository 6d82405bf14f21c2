using System.CommandLine;
using Cluster.Runs;
using Evaluators.Export;

namespace Cluster.Cli;

/// <summary>`search export &lt;run&gt; --top K --format json|pytorch|torchsharp|latex [--out FILE]`: the run's best front members as code or data.</summary>
public static class ExportCommand
{
    public static Command Create(SearchComposition composition)
    {
        var dir = new Argument<string>("run") { Description = "run directory" };
        var top = new Option<int>("--top") { Description = "how many front members, best first on the first objective", DefaultValueFactory = _ => 5 };
        var format = new Option<string>("--format") { Description = $"one of {string.Join(", ", Exporter.Formats)}", DefaultValueFactory = _ => "json" };
        var output = new Option<string?>("--out") { Description = "file to write (default: standard output)" };
        var command = new Command("export", "Export the best layers of a run's front with their trained values") { dir, top, format, output };
        command.SetAction(result => CliErrors.Guard(() =>
        {
            var run = RunRecord.Load(result.GetValue(dir)!);
            var space = composition.SpaceOf(run);
            string text = RunExport.Export(run, space, result.GetValue(top), result.GetValue(format)!);
            if (result.GetValue(output) is { } file)
            {
                File.WriteAllText(file, text);
                Console.Error.WriteLine($"wrote {file}");
            }
            else Console.Out.Write(text);
            return 0;
        }));
        return command;
    }
}
