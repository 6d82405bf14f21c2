namespace Search.Engine;

/// <summary>What a stop predicate sees after each result applied in order.</summary>
public sealed record EngineProgress(long Proposed, long Applied, long Accepted, long Rejected, long Failed, int FrontSize, int Generation);
