using System.Text.Json;
using Cluster.Hosting;
using Cluster.TestHost;
using Cluster.Workers;

// test host:
//   run DIR SEED MAX WORKERS [rungs] [postgresql] | resume DIR SEED MAX WORKERS [rungs] [postgresql]
//                                                             a single-process run (local workers); "rungs": the
//                                                             multi-fidelity test space; "postgresql": the store is
//                                                             the PostgreSQL database of $SEARCH_POSTGRES (the
//                                                             password stays off the command line), not SQLite
//   seed DIR SEED MAX PORT [rungs] [postgresql]               coordinator only, seed node on 127.0.0.1:PORT
//   worker PORT LOG HOLD_AFTER                                one evaluator slot joining 127.0.0.1:PORT; after
//                                                             HOLD_AFTER jobs (-1: never) it blocks on the next and
//                                                             writes its seed to LOG.holding
//   discovery-seed DIR SEED MAX PORT ENDPOINTS                coordinator only on 127.0.0.1:PORT, finding its cluster by
//                                                             config discovery: ENDPOINTS the comma-separated
//                                                             127.0.0.1:port of all three nodes
//   discovery-worker PORT HEALTH ENDPOINTS LOG HOLD_AFTER     a worker as above found by discovery, with /alive and
//                                                             /ready on port HEALTH
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
if (args.Length == 6 && args[0] == "discovery-worker")
{
    var node = new NodeOptions { Port = int.Parse(args[1]), Roles = [NodeOptions.EvaluatorRole], Discovery = Discovery(args[3]), HealthPort = int.Parse(args[2]) };
    string workerLog = args[4];
    int holdAfter = int.Parse(args[5]);
    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
    // 100 ms per job: the 40 jobs take seconds, long enough for both workers to be members before the run ends.
    await SearchRunner.JoinAsWorker(node, 1,
        slot => new HoldingEvaluator(new FakeEvaluator((ulong)Environment.ProcessId * 31 + (ulong)slot, 100, workerLog), holdAfter, workerLog + ".holding"),
        new WorkerSettings(), stop.Token);
    return 0;
}
if (args.Length == 6 && args[0] == "discovery-seed")
{
    string runDir = args[1];
    var discovered = new RunOptions
    {
        RunDirectory = runDir, Workers = 0, Node = new NodeOptions { Port = int.Parse(args[4]), Discovery = Discovery(args[5]) }, Coordinator = new() { SnapshotEvery = 7 },
    };
    var run = await SearchRunner.SubmitToCluster(TestSpaces.Zdt1(ulong.Parse(args[2]), long.Parse(args[3])), [], discovered, null, CancellationToken.None);
    File.WriteAllText(Path.Combine(runDir, "final.json"), JsonSerializer.Serialize(run.Status));
    return run.Completed ? 0 : 1;
}
string[] flags = args.Skip(5).ToArray();
bool rungs = flags.Contains("rungs");
bool postgres = flags.Contains("postgresql");
if (args.Length < 5 || args[0] is not ("run" or "resume" or "seed") || flags.Except(["rungs", "postgresql"]).Any() || flags.Distinct().Count() < flags.Length)
{
    Console.Error.WriteLine("usage: Cluster.TestHost run|resume DIR SEED MAX WORKERS [rungs] [postgresql] | seed DIR SEED MAX PORT [rungs] [postgresql] | worker PORT LOG HOLD_AFTER");
    return 2;
}
string dir = args[1];
ulong seed = ulong.Parse(args[2]);
long max = long.Parse(args[3]);
var space = rungs ? TestSpaces.Zdt1Rungs(seed, max) : TestSpaces.Zdt1(seed, max);
Directory.CreateDirectory(dir);
string log = Path.Combine(dir, "evaluations.log");
StoreOptions? store = postgres
    ? PostgreSqlConnection.Parse(Environment.GetEnvironmentVariable(PostgreSqlConnection.EnvironmentVariable) ?? "", PostgreSqlConnection.EnvironmentVariable)
    : null;
RunResult result;
if (args[0] == "seed")
{
    int port = int.Parse(args[4]);
    var seedOptions = new RunOptions { RunDirectory = dir, Workers = 0, Node = new NodeOptions { Port = port }, Coordinator = new() { SnapshotEvery = 7 }, Store = store };
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
        Store = store,
    };
    result = args[0] == "run"
        ? await SearchRunner.RunLocal(space, options, null, CancellationToken.None)
        : await SearchRunner.Resume(dir, space, options, null, CancellationToken.None);
}
File.WriteAllText(Path.Combine(dir, "final.json"), JsonSerializer.Serialize(result.Status));
return result.Completed ? 0 : 1;

// The three test nodes join once all three are discovered.
static ClusterDiscovery Discovery(string endpoints) => new ClusterDiscovery.Config(endpoints.Split(',')) { RequiredContactPoints = 3 };
