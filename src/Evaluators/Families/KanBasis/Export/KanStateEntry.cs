namespace Evaluators.Families.KanBasis.Export;

/// <summary>One tensor of a network's state_dict: its name, its shape, and the plan it comes from (parameter or buffer).</summary>
public sealed record KanStateEntry(string Name, long[] Shape, KanParameterPlan Tensor, bool Buffer)
{
    public long Size => Shape.Aggregate(1L, (a, b) => a * b);
}
