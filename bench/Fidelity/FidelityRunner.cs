using System.Collections.Concurrent;
using System.Diagnostics;
using Evaluators.Families.Activation;
using Evaluators.Runtime;
using Evaluators.Tasks;
using Evaluators.Training;

namespace Bench.Fidelity;

/// <summary>One training of the bench: a panel function on a task (under the key <see cref="TaskKey"/> in the CSV) with one seed.</summary>
public sealed record FidelityJob(PanelEntry Entry, ProxyTask Task, string TaskKey, int Seed)
{
    public string Budget { get; } = FidelityCsv.Budget(Task);

    public (string Genome, string Task, int Seed) Key => (Entry.Genome.Text, TaskKey, Seed);
}

/// <summary>
/// Runs the jobs on <c>workers</c> threads, each with torch at one intra-op thread, appending every
/// finished training to the CSV (under a lock) and printing a progress line with an ETA.
/// </summary>
public static class FidelityRunner
{
    public static IReadOnlyList<FidelityRow> Run(IReadOnlyList<FidelityJob> jobs, IReadOnlyDictionary<string, PreparedData> data,
        int workers, string csvPath, Action<string> log)
    {
        var queue = new ConcurrentQueue<FidelityJob>(jobs);
        var finished = new List<FidelityRow>();
        var gate = new object();
        var clock = Stopwatch.StartNew();
        var secondsByTask = new Dictionary<string, List<double>>();
        var remainingByTask = jobs.GroupBy(j => j.TaskKey).ToDictionary(g => g.Key, g => g.Count());
        Exception? failure = null;

        void Work()
        {
            TorchRuntime.EnsureReady(1); // OpenMP's thread count is per thread: set it on this one too
            while (failure is null && queue.TryDequeue(out var job))
            {
                try
                {
                    var m = Trainer.Train(job.Task.Template, new ActivationGenomeSlot(job.Entry.Genome), data[job.TaskKey], job.Task.Training,
                        (ulong)job.Seed);
                    var row = new FidelityRow(job.Entry.Genome.Text, job.TaskKey, job.Seed, m.ValidationAccuracy, m.TestAccuracy,
                        m.WallSeconds, m.Diverged, job.Budget);
                    lock (gate)
                    {
                        FidelityCsv.Append(csvPath, row);
                        finished.Add(row);
                        if (!secondsByTask.TryGetValue(job.TaskKey, out var list)) secondsByTask[job.TaskKey] = list = [];
                        list.Add(m.WallSeconds);
                        remainingByTask[job.TaskKey]--;
                        double eta = Eta(secondsByTask, remainingByTask, workers);
                        string score = double.IsNaN(m.TestAccuracy) ? $"val {m.ValidationAccuracy:F4}" : $"val {m.ValidationAccuracy:F4} test {m.TestAccuracy:F4}";
                        log($"[{finished.Count}/{jobs.Count} {clock.Elapsed:hh\\:mm\\:ss}] {job.TaskKey} {job.Entry.Label} seed {job.Seed}: {score}" +
                            $"{(m.Diverged ? " DIVERGED" : "")} ({m.WallSeconds:F1} s) | ETA {TimeSpan.FromSeconds(eta):hh\\:mm\\:ss}");
                    }
                }
                catch (Exception e)
                {
                    lock (gate) failure ??= new InvalidOperationException($"{job.TaskKey} {job.Entry.Label} seed {job.Seed}: {e.Message}", e);
                }
            }
        }

        var threads = Enumerable.Range(0, Math.Max(1, workers)).Select(i => new Thread(Work) { Name = $"fidelity-{i}", IsBackground = false }).ToArray();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        if (failure is not null) throw failure;
        return finished;
    }

    /// <summary>Seconds left: each task's remaining trainings at its mean so far (the overall mean before its first), over the workers.</summary>
    public static double Eta(IReadOnlyDictionary<string, List<double>> secondsByTask, IReadOnlyDictionary<string, int> remainingByTask, int workers)
    {
        var all = secondsByTask.Values.SelectMany(v => v).ToArray();
        double overall = all.Length > 0 ? all.Average() : 0;
        double total = remainingByTask.Sum(kv => kv.Value * (secondsByTask.TryGetValue(kv.Key, out var s) && s.Count > 0 ? s.Average() : overall));
        return total / Math.Max(1, workers);
    }
}
