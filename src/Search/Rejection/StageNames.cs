namespace Search.Rejection;

/// <summary>The stage kinds of the design, cheapest first; evaluators use these names so counters line up.</summary>
public static class StageNames
{
    public const string Structural = "structural";
    public const string FunctionalEquivalence = "fec";
    public const string NumericSanity = "numeric";
    public const string QualityHurdle = "quality";
    public const string Stability = "stability";
}
