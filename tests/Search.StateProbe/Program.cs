using Search.Tests.Engine.TestDoubles;

// usage: Search.StateProbe <state-in> <first-step> <steps> <state-out>
// Restores the scripted test search from <state-in>, runs <steps> steps numbered from
// <first-step>, and saves the result to <state-out>. Exit 0 on success, 2 on bad usage.
if (args.Length != 4 || !int.TryParse(args[1], out int first) || !int.TryParse(args[2], out int steps))
{
    Console.Error.WriteLine("usage: Search.StateProbe <state-in> <first-step> <steps> <state-out>");
    return 2;
}
var engine = TestSearch.Restore(args[0]);
TestSearch.Run(engine, first, steps);
engine.Save(args[3]);
Console.WriteLine($"resumed at proposal {first}, ran {steps} steps, applied {engine.Counters.Applied}");
return 0;
