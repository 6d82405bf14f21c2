using Microsoft.Extensions.Hosting;

namespace Cluster.Hosting;

/// <summary>
/// A host lifetime that leaves Ctrl+C and SIGTERM alone. The default console lifetime would catch
/// them and then wait for a host shutdown that only our caller performs; the command line's
/// cancellation token handles them instead, and the runner stops the host itself.
/// </summary>
internal sealed class PassiveLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
