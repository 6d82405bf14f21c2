using System.CommandLine;
using Cluster.Reports;

namespace Cluster.Cli;

/// <summary>
/// `search report RUN [RUN...] --out FILE.html [--png DIR]`: one self-contained HTML page (inline CSS
/// and SVG) showing each run (progress, front table and plot, best so far, the layers themselves, the
/// rejection stages, rungs, per-architecture fronts, confirmation and validation), several runs side
/// by side; with --png also the plots as PNG files (RUNID-front.png etc. when several runs). Reads the
/// run directories only, so it is safe on a live run. Each file written is named on stderr.
/// </summary>
public static class ReportCommand
{
    public static Command Create(SearchComposition composition)
    {
        var runs = new Argument<string[]>("runs") { Description = "run directories", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "HTML file to write", Required = true };
        var png = new Option<string?>("--png") { Description = "also write the plots as PNG files into this directory" };
        var command = new Command("report", "Write an HTML report of one or more runs (self-contained; several runs side by side)") { runs, output, png };
        command.SetAction(result => CliErrors.Guard(() =>
        {
            var views = result.GetValue(runs)!.Select(dir => RunView.Load(dir, composition)).ToArray();
            string file = result.GetValue(output)!;
            if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder) Directory.CreateDirectory(folder);
            File.WriteAllText(file, ReportHtml.Page(views));
            Console.Error.WriteLine($"wrote {file}");
            if (result.GetValue(png) is not { } pngDir) return 0;
            try
            {
                foreach (var view in views)
                    foreach (var written in PngReport.Write(view, pngDir, views.Length > 1 ? view.RunId + "-" : ""))
                        Console.Error.WriteLine($"wrote {written}");
            }
            catch (PngUnavailableException e)
            {
                Console.Error.WriteLine($"error: {e.Message}; the HTML report was written");
                return 2;
            }
            return 0;
        }));
        return command;
    }
}
