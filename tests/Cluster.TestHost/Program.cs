using System.Text.Json;
using Cluster.Hosting;
using Cluster.TestHost;

// test host: run DIR SEED MAX WORKERS | resume DIR SEED MAX WORKERS
// Writes DIR/evaluations.log (one line per finished evaluation) and, when the run completes, DIR/final.json (the front).
if (args.Length != 5 || args[0] is not ("run" or "resume"))
{
    Console.Error.WriteLine("usage: Cluster.TestHost run|resume DIR SEED MAX WORKERS");
    return 2;
}
string dir = args[1];
ulong seed = ulong.Parse(args[2]);
long max = long.Parse(args[3]);
int workers = int.Parse(args[4]);
var space = TestSpaces.Zdt1(seed, max);
Directory.CreateDirectory(dir);
string log = Path.Combine(dir, "evaluations.log");
var options = new RunOptions
{
    RunDirectory = dir,
    Workers = workers,
    Evaluator = slot => new FakeEvaluator((ulong)Environment.ProcessId * 31 + (ulong)slot, 15, log),
    Coordinator = new() { SnapshotEvery = 7 },
};
var result = args[0] == "run"
    ? await SearchRunner.RunLocal(space, options, null, CancellationToken.None)
    : await SearchRunner.Resume(dir, space, options, null, CancellationToken.None);
File.WriteAllText(Path.Combine(dir, "final.json"), JsonSerializer.Serialize(result.Status));
return result.Completed ? 0 : 1;
