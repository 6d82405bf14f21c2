namespace Search.Rejection;

/// <summary>
/// One cheap test that may spare a candidate its full training. Tensor-based stages (numeric
/// sanity, quality hurdle, stability) are written by the evaluators against this contract; the
/// pipeline orders stages by <see cref="EstimatedCostSeconds"/>, cheapest first.
/// </summary>
public interface IRejectionStage<in TContext>
{
    /// <summary>Stage name as counted and reported, e.g. <see cref="StageNames.Structural"/>.</summary>
    string Name { get; }

    /// <summary>Declared cost; only used to order stages and to estimate compute saved.</summary>
    double EstimatedCostSeconds { get; }

    StageVerdict Check(TContext candidate);
}
