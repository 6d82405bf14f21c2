using System.CommandLine;
using Cluster.Baselines;
using Cluster.Dashboard;
using Cluster.Hosting;
using Cluster.Runs;
using Cluster.Spaces;
using Evaluators.Candidates;
using Spectre.Console;

namespace Cluster.Cli;

/// <summary>
/// `search run`, `search resume`, `search status`, `search export`, `search confirm`, `search validate`,
/// `search node`, `search dashboard`: start, continue, watch, export, retrain and validate runs, join a cluster as an
/// evaluator node, and watch runs in the browser. A finished run's baselines are
/// evaluated after the search, on this process, with the same plan and one shared seed.
/// </summary>
public static class SearchCommands
{
    public static IEnumerable<Command> Create(SearchComposition composition) =>
        [Run(composition), Resume(composition), Status(composition), ExportCommand.Create(composition), ConfirmCommand.Create(composition), ValidateCommand.Create(composition),
            ReportCommand.Create(composition), DashboardCommand.Create(() => new ReportRunPages(composition)), Node(composition)];

    internal static Option<string> Devices() => new("--device")
    {
        Description = "device of the evaluator slots: cpu, cuda, cuda:N, or a comma list (slot i takes item i mod n)",
        DefaultValueFactory = _ => "cpu",
    };
    private static Option<int> Port() => CommonOptions.Port("this node's port (0: any free one)", 0);
    private static Option<string> Host() => NodeHost.Option();

    private static Command Run(SearchComposition composition)
    {
        var space = new Argument<string?>("space") { Description = "search-space YAML file (default: the built-in space)", Arity = ArgumentArity.ZeroOrOne };
        var workers = CommonOptions.Workers(min: 0);
        var device = Devices();
        var seed = new Option<ulong?>("--seed") { Description = "override the space's seed" };
        var output = new Option<string?>("--out") { Description = "run directory (default runs/<space>-<UTC time>)" };
        var cluster = new Option<string?>("--cluster") { Description = "host:port of a cluster seed node: this process coordinates, the cluster's evaluator nodes work" };
        var host = Host();
        var port = Port();
        var data = CommonOptions.Data();
        var threads = CommonOptions.Threads(1);
        var drain = CommonOptions.Drain();
        var store = StoreChoice.Kind();
        var connection = StoreChoice.Connection();
        var command = new Command("run", "Start a search run") { space, workers, device, seed, output, cluster, host, port, data, threads, drain, store, connection };
        var tls = TlsOptions.AddTo(command);
        var slotOptions = SlotOptions.AddTo(command);
        var discovery = DiscoveryOptions.AddTo(command);
        // Without a cluster nothing else would evaluate: the run would wait forever.
        command.Validators.Add(r =>
        {
            bool clustered = r.GetResult(cluster) is not null || discovery.Given(r);
            if (OptionRanges.TryValue(r.GetResult(workers), out int n) && n == 0 && !clustered)
                r.AddError("--workers 0: this run would have no evaluator; give at least 1, or --cluster host:port (or --discovery) to let a cluster's nodes evaluate");
            if (r.GetResult(cluster) is not null && discovery.Given(r))
                r.AddError("--cluster and --discovery are two ways to find the cluster: give one");
        });
        command.SetAction((result, cancel) => CliErrors.GuardAsync(async () =>
        {
            var loaded = CsvPreflight.Checked(composition.LoadSpace(result.GetValue(space)));
            string dev = result.GetValue(device)!;
            var options = new RunOptions
            {
                RunDirectory = result.GetValue(output), Workers = result.GetValue(workers), Seed = result.GetValue(seed),
                Store = StoreChoice.ForRun(result.GetValue(store), result.GetValue(connection)),
                Evaluator = Slots(composition, result.GetValue(workers), dev, result.GetValue(data), result.GetValue(threads)),
                Node = discovery.ApplyTo(new NodeOptions { Hostname = NodeHost.Resolve(result.GetValue(host)!), Port = result.GetValue(port), Tls = tls.Load(result) }, result),
                Drain = TimeSpan.FromSeconds(result.GetValue(drain)),
                Worker = slotOptions.Settings(result),
            };
            string? seedNode = result.GetValue(cluster);
            var run = await new ProgressDisplay().Show(loaded.Name, progress => seedNode is null && options.Node.Discovery is null
                ? SearchRunner.RunLocal(loaded, options, progress, cancel)
                : SearchRunner.SubmitToCluster(loaded, seedNode is null ? [] : [seedNode], options, progress, cancel));
            return await Finish(run, loaded, Slots(composition, result.GetValue(workers), dev, result.GetValue(data), result.GetValue(threads)), result.GetValue(workers), cancel);
        }));
        return command;
    }

    private static Command Resume(SearchComposition composition)
    {
        var dir = new Argument<string>("run") { Description = "run directory" };
        var workers = CommonOptions.Workers();
        var device = Devices();
        var data = CommonOptions.Data();
        var threads = CommonOptions.Threads(1);
        var drain = CommonOptions.Drain();
        var connection = StoreChoice.Connection();
        var host = Host();
        var port = Port();
        var command = new Command("resume", "Continue a run from its directory and the store its run.json names (nothing stored is evaluated again)")
        {
            dir, workers, device, data, threads, drain, connection, host, port,
        };
        var tls = TlsOptions.AddTo(command);
        var slotOptions = SlotOptions.AddTo(command);
        var discovery = DiscoveryOptions.AddTo(command);
        command.SetAction((result, cancel) => CliErrors.GuardAsync(async () =>
        {
            var run = RunRecord.Load(result.GetValue(dir)!);
            var loaded = CsvPreflight.Checked(composition.SpaceOf(run));
            string dev = result.GetValue(device)!;
            var options = new RunOptions
            {
                Workers = result.GetValue(workers), Evaluator = Slots(composition, result.GetValue(workers), dev, result.GetValue(data), result.GetValue(threads)),
                Drain = TimeSpan.FromSeconds(result.GetValue(drain)),
                Worker = slotOptions.Settings(result),
                Node = discovery.ApplyTo(new NodeOptions { Hostname = NodeHost.Resolve(result.GetValue(host)!), Port = result.GetValue(port), Tls = tls.Load(result) }, result),
                Store = StoreChoice.ForResume(run, result.GetValue(connection)),
            };
            // With discovery the resumed coordinator rejoins (or forms) the cluster its workers are in.
            if (options.Node.Discovery is not null) options = options with { Node = SearchRunner.AsCoordinator(options.Node, options.Workers, []) };
            var resumed = await new ProgressDisplay().Show(loaded.Name, progress => SearchRunner.Resume(run.Directory.Path, loaded, options, progress, cancel));
            return await Finish(resumed, loaded, Slots(composition, result.GetValue(workers), dev, result.GetValue(data), result.GetValue(threads)), result.GetValue(workers), cancel);
        }));
        return command;
    }

    private static Command Status(SearchComposition composition)
    {
        var dir = new Argument<string>("run") { Description = "run directory" };
        var command = new Command("status", "Show a run's progress and front (safe while it runs)") { dir };
        command.SetAction(result => CliErrors.Guard(() =>
        {
            var run = RunRecord.Load(result.GetValue(dir)!);
            StatusPrinter.Print(run, TryLoadSpace(composition, run));
            return 0;
        }));
        return command;
    }

    private static Command Node(SearchComposition composition)
    {
        var roles = new Option<string[]>("--roles") { Description = "node roles", DefaultValueFactory = _ => [NodeOptions.EvaluatorRole], AllowMultipleArgumentsPerToken = true };
        var seeds = new Option<string[]>("--seed-nodes") { Description = "host:port of seed nodes (or --discovery)", AllowMultipleArgumentsPerToken = true };
        var workers = CommonOptions.Workers();
        var device = Devices();
        var host = Host();
        var port = Port();
        var data = CommonOptions.Data();
        var threads = CommonOptions.Threads(1);
        var command = new Command("node", "Join a cluster and evaluate for its runs until stopped (Ctrl+C)") { roles, seeds, workers, device, host, port, data, threads };
        var tls = TlsOptions.AddTo(command);
        var slotOptions = SlotOptions.AddTo(command);
        var discovery = DiscoveryOptions.AddTo(command);
        command.Validators.Add(r =>
        {
            if ((r.GetResult(seeds) is null) == !discovery.Given(r))
                r.AddError("a node finds its cluster by --seed-nodes host:port or by --discovery: give one of them");
        });
        command.SetAction((result, cancel) => CliErrors.GuardAsync(async () =>
        {
            string dev = result.GetValue(device)!;
            var node = discovery.ApplyTo(new NodeOptions
            {
                Roles = result.GetValue(roles)!, SeedNodes = result.GetValue(seeds) ?? [], Hostname = NodeHost.Resolve(result.GetValue(host)!), Port = result.GetValue(port),
                Tls = tls.Load(result),
            }, result);
            string joining = node.Discovery is { } d ? $"the cluster of service '{d.ServiceName}' (discovery)" : string.Join(", ", node.SeedNodes);
            AnsiConsole.WriteLine($"joining {joining} as {string.Join(", ", node.Roles)} with {result.GetValue(workers)} slots on {dev}; Ctrl+C stops");
            await SearchRunner.JoinAsWorker(node, result.GetValue(workers), Slots(composition, result.GetValue(workers), dev, result.GetValue(data), result.GetValue(threads)),
                slotOptions.Settings(result), cancel,
                AnsiConsole.WriteLine);
            return 0;
        }));
        return command;
    }

    /// <summary>Evaluator slot i of <paramref name="slots"/> on device i of the comma list, mod its length.</summary>
    internal static Func<int, ICandidateEvaluator> Slots(SearchComposition composition, int slots, string devices, string? data, int threads) =>
        slot => composition.CreateEvaluator(new EvaluatorSlot(slot, slots, DeviceOf(devices, slot), data, threads));

    /// <summary>"cuda:0,cuda:1": slot i gets device i mod 2.</summary>
    private static string DeviceOf(string devices, int slot)
    {
        var list = devices.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return list.Length == 0 ? "cpu" : list[slot % list.Length];
    }

    /// <summary>The run's space (for objective directions), or null when it can no longer be loaded.</summary>
    private static SearchSpace? TryLoadSpace(SearchComposition composition, RunRecord run)
    {
        try { return composition.SpaceOf(run); }
        catch (Exception e) when (e is SearchSpaceException or IOException or ArgumentException) { return null; }
    }

    /// <summary>After a completed search: the baselines not yet recorded, then the final table of front and baselines.</summary>
    private static async Task<int> Finish(RunResult run, SearchSpace space, Func<int, ICandidateEvaluator> evaluator, int workers, CancellationToken cancel)
    {
        var record = RunRecord.Load(run.RunDirectory);
        if (run.Completed && space.Baselines.Count > record.Baselines.Count)
            record = record with
            {
                Baselines = await Task.Run(() => BaselineRunner.EvaluateMissing(record, space, evaluator, Console.WriteLine, cancel, workers), CancellationToken.None),
            };
        StatusPrinter.Print(record, space);
        if (run.Completed && !cancel.IsCancellationRequested) return 0;
        AnsiConsole.WriteLine($"stopped; continue with: search resume {run.RunDirectory}");
        return 130;
    }
}
