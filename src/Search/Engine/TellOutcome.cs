namespace Search.Engine;

public enum TellOutcome
{
    /// <summary>The result was next in order and was applied (with any buffered ones it unblocked).</summary>
    Applied,
    /// <summary>An earlier proposal has no result yet; this one waits in the buffer.</summary>
    Buffered,
    /// <summary>This id already has a result (applied or buffered); the new one is ignored and counted.</summary>
    Duplicate,
}
