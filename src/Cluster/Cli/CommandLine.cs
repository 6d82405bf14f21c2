using System.CommandLine;

namespace Cluster.Cli;

/// <summary>The `search` program's commands. With no arguments it runs the embedded default job.</summary>
public static class CommandLine
{
    /// <summary>
    /// What a bare `search` runs: the embedded default activation search (measured: 101 s on 2 idle
    /// cores for 80 evaluations plus the ReLU, GELU and SiLU baselines).
    /// </summary>
    public static readonly string[] DefaultArgs = ["run"];

    /// <summary>
    /// Parses and runs one command line. A command line that does not parse (an unknown option, a value
    /// of the wrong type or out of range) is refused before anything starts: one `error:` line per problem
    /// on stderr, exit 2, no help text (`--help` shows it).
    /// </summary>
    public static int Run(string[] args, InvocationConfiguration? invocation = null)
    {
        var parsed = Build().Parse(args.Length == 0 ? DefaultArgs : args);
        return Refused(parsed) ? 2 : parsed.Invoke(invocation);
    }

    /// <summary><see cref="Run"/> for any command tree (tests build theirs over their own composition).</summary>
    public static async Task<int> InvokeAsync(Command root, string[] args)
    {
        var parsed = root.Parse(args);
        return Refused(parsed) ? 2 : await parsed.InvokeAsync();
    }

    private static bool Refused(ParseResult parsed)
    {
        foreach (var e in parsed.Errors) Console.Error.WriteLine($"error: {e.Message}");
        return parsed.Errors.Count > 0;
    }

    public static RootCommand Build()
    {
        var root = new RootCommand("Evolutionary search for neural layers: activations, norm-act layers, KAN bases, MoE routing.");
        root.Subcommands.Add(TrainCommand.Create());
        foreach (var command in SearchCommands.Create(SearchComposition.Default)) root.Subcommands.Add(command);
        root.Subcommands.Add(CertsCommand.Create());
        return root;
    }
}
