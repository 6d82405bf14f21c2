namespace Bench.Routing;

/// <summary>The gating benchmark inside `routing` (filled in when the gating benchmark lands).</summary>
public static class RoutingGatingPart
{
    public static void Run(string[] args, Figures figures) => Console.WriteLine("gating: not yet wired");
}
