using Cluster.Runs;
using Cluster.Spaces;
using Evaluators.Data;
using Search.Core;
using Search.State;

namespace Cluster.Cli;

/// <summary>
/// Bad input ends a command with one clear line on stderr and exit code 2, never a stack trace.
/// Anything else is a bug and keeps its trace.
/// </summary>
public static class CliErrors
{
    public static int Guard(Func<int> action)
    {
        try { return action(); }
        catch (Exception e) when (IsUserError(e)) { return Report(e); }
    }

    public static async Task<int> GuardAsync(Func<Task<int>> action)
    {
        try { return await action(); }
        catch (Exception e) when (IsUserError(e)) { return Report(e); }
    }

    private static int Report(Exception e)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return 2;
    }

    private static bool IsUserError(Exception e) =>
        e is GenomeParseException or SearchSpaceException or RunDirectoryException or DatasetException or StateFileException or IncompatibleStateException
            or ArgumentException or FileNotFoundException or DirectoryNotFoundException or Reports.PngUnavailableException
            or Security.CertificateException or Hosting.StoreUnavailableException;
}
