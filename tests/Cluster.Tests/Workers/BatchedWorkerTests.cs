using System.Collections.Concurrent;
using Cluster.TestHost;
using Cluster.Tests.Support;
using Cluster.Workers;
using Evaluators.Candidates;

namespace Cluster.Tests.Workers;

/// <summary>Workers with --batch-candidates hand queued jobs of a run to the evaluator together; the search is the same.</summary>
public class BatchedWorkerTests
{
    /// <summary>The fake evaluator, taking batches (each job evaluated as alone) and recording their sizes.</summary>
    private sealed class BatchingFake(FakeEvaluator inner, ConcurrentBag<int> sizes) : IBatchCandidateEvaluator
    {
        public EvaluationReport Evaluate(EvaluationJob job, IEquivalenceLookup cache, CancellationToken cancel)
        {
            sizes.Add(1);
            return inner.Evaluate(job, cache, cancel);
        }

        public IReadOnlyList<EvaluationReport> EvaluateBatch(IReadOnlyList<EvaluationJob> jobs, IEquivalenceLookup cache, CancellationToken cancel)
        {
            sizes.Add(jobs.Count);
            return jobs.Select(j => inner.Evaluate(j, cache, cancel)).ToArray();
        }
    }

    [Fact]
    public async Task Batching_workers_find_the_same_search_as_one_at_a_time()
    {
        var reference = await TestRuns.Reference();
        var sizes = new ConcurrentBag<int>();
        var batched = await TestRuns.Local("batched-workers", 2, slot => new BatchingFake(new FakeEvaluator(300 + (ulong)slot, 3), sizes),
            o => o with { Worker = o.Worker.WithBatching(4) });
        Assert.Equal(TestRuns.Describe(reference.Status), TestRuns.Describe(batched.Status));
        Assert.Equal(TestRuns.Max, sizes.Sum());
        Assert.True(sizes.Max() > 1, $"no batch of more than one job (sizes {string.Join(",", sizes)})");
        Assert.True(sizes.Max() <= 4);
    }

    [Fact]
    public void Batching_asks_for_twice_the_batch_as_credit()
    {
        var s = new WorkerSettings().WithBatching(8);
        Assert.Equal((8, 16), (s.BatchCandidates, s.Prefetch));
        Assert.Same(s, s.WithBatching(1));
    }
}
