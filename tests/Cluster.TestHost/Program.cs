using System.Text.Json;
using Cluster.Hosting;
using Cluster.TestHost;
using Cluster.Workers;

// test host:
//   run DIR SEED MAX WORKERS [rungs] | resume DIR SEED MAX WORKERS [rungs]
//                                                             a single-process run (local workers); "rungs": the
//                                                             multi-fidelity test space
//   seed DIR SEED MAX PORT                                    coordinator only, seed node on 127.0.0.1:PORT
//   worker PORT LOG HOLD_AFTER                                one evaluator slot joining 127.0.0.1:PORT; after
//                                                             HOLD_AFTER jobs (-1: never) it blocks on the next and
//                                                             writes its seed to LOG.holding
// Writes DIR/evaluations.log (one line per finished evaluation) and, when the run completes, DIR/final.json (the front).
if (args.Length == 4 && args[0] == "worker")
{
    int seedPort = int.Parse(args[1]);
    string workerLog = args[2];
    int holdAfter = int.Parse(args[3]);
    var node = new NodeOptions { SeedNodes = [$"127.0.0.1:{seedPort}"], Roles = [NodeOptions.EvaluatorRole] };
    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
    await SearchRunner.JoinAsWorker(node, 1,
        slot => new HoldingEvaluator(new FakeEvaluator((ulong)Environment.ProcessId * 31 + (ulong)slot, 15, workerLog), holdAfter, workerLog + ".holding"),
        new WorkerSettings(), stop.Token);
    return 0;
}
bool rungs = args.Length == 6 && args[5] == "rungs";
if (args.Length is not (5 or 6) || args[0] is not ("run" or "resume" or "seed") || args.Length == 6 && !rungs)
{
    Console.Error.WriteLine("usage: Cluster.TestHost run|resume DIR SEED MAX WORKERS [rungs] | seed DIR SEED MAX PORT | worker PORT LOG HOLD_AFTER");
    return 2;
}
string dir = args[1];
ulong seed = ulong.Parse(args[2]);
long max = long.Parse(args[3]);
var space = rungs ? TestSpaces.Zdt1Rungs(seed, max) : TestSpaces.Zdt1(seed, max);
Directory.CreateDirectory(dir);
string log = Path.Combine(dir, "evaluations.log");
RunResult result;
if (args[0] == "seed")
{
    int port = int.Parse(args[4]);
    var seedOptions = new RunOptions { RunDirectory = dir, Workers = 0, Node = new NodeOptions { Port = port }, Coordinator = new() { SnapshotEvery = 7 } };
    result = await SearchRunner.SubmitToCluster(space, [$"127.0.0.1:{port}"], seedOptions, null, CancellationToken.None);
}
else
{
    int workers = int.Parse(args[4]);
    var options = new RunOptions
    {
        RunDirectory = dir,
        Workers = workers,
        // Up to 40 ms per evaluation: a life of the kill -9 test must not finish the 40 evaluations
        // between reaching its kill target and the kill (with 15 ms, two workers could do 10+ in that window).
        Evaluator = slot => new FakeEvaluator((ulong)Environment.ProcessId * 31 + (ulong)slot, 40, log),
        Coordinator = new() { SnapshotEvery = 7 },
    };
    result = args[0] == "run"
        ? await SearchRunner.RunLocal(space, options, null, CancellationToken.None)
        : await SearchRunner.Resume(dir, space, options, null, CancellationToken.None);
}
File.WriteAllText(Path.Combine(dir, "final.json"), JsonSerializer.Serialize(result.Status));
return result.Completed ? 0 : 1;
