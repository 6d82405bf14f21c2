using System.Collections.Concurrent;

namespace Cluster.Workers;

/// <summary>
/// One dedicated background thread per worker slot, for its whole life: evaluations run on it one
/// at a time, synchronously, so thread-static state (TorchSharp dispose scopes, the current CUDA
/// device) stays put and the actor's dispatcher threads are never blocked.
/// </summary>
public sealed class EvaluationThread : IDisposable
{
    private readonly BlockingCollection<Action> _work = new();
    private readonly Thread _thread;

    public EvaluationThread(string name)
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>Runs <paramref name="work"/> on the thread; the task completes with its value or its exception.</summary>
    public Task<T> Run<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try { done.SetResult(work()); }
            catch (Exception e) { done.SetException(e); }
        });
        return done.Task;
    }

    private void Loop()
    {
        foreach (var item in _work.GetConsumingEnumerable()) item();
    }

    /// <summary>Stops taking work; an evaluation in progress finishes on its own (the thread is a background one).</summary>
    public void Dispose() => _work.CompleteAdding();
}
