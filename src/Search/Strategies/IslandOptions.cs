namespace Search.Strategies;

/// <summary>
/// Island model settings: how many islands, how often migration happens (every
/// MigrationInterval results told, counted over all islands) and how many of each island's best
/// move to the next island on the ring.
/// </summary>
public sealed record IslandOptions(int Islands = 4, int MigrationInterval = 1000, int Migrants = 5)
{
    public void Validate()
    {
        if (Islands < 1) throw new ArgumentOutOfRangeException(nameof(Islands), Islands, "must be positive");
        if (MigrationInterval < 1) throw new ArgumentOutOfRangeException(nameof(MigrationInterval), MigrationInterval, "must be positive");
        if (Migrants < 0) throw new ArgumentOutOfRangeException(nameof(Migrants), Migrants, "must not be negative");
    }
}
