using System.Reflection;
using Bench;

var benchmarks = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToDictionary(b => b.Name, StringComparer.Ordinal);

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var chosen))
{
    if (args.Length > 0) Console.Error.WriteLine($"unknown benchmark '{args[0]}'");
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench -- <benchmark> [options]");
    foreach (var b in benchmarks.Values) Console.Error.WriteLine($"  {b.Name,-10} {b.Description}");
    return 2;
}
try
{
    return chosen.Run(args[1..]);
}
catch (ArgumentException e)
{
    // A bad option value (Args names it): one line, not a stack trace.
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
