using Search.Termination;

namespace Cluster.Coordinator;

/// <summary>The coordinator's <see cref="TimeProvider"/> as the engine's clock, so tests drive wall-time limits with a manual clock.</summary>
internal sealed class ProviderClock(TimeProvider provider) : IClock
{
    public DateTimeOffset UtcNow => provider.GetUtcNow();
}
