namespace Evaluators.Families.KanBasis.Export;

/// <summary>
/// One parameter or buffer of a generated layer class, in registration order: its name (the compiled
/// module's), its symbolic shape, its initialisation, and the group whose nodes <see cref="KanDim.Nodes"/>
/// counts (null for base_weight and base_bias). <see cref="Pieces"/> are W's per-basis parts.
/// </summary>
public sealed record KanParameterPlan(string Name, IReadOnlyList<KanDim> Shape, KanInitKind Init, KanGroupPlan? Group,
    IReadOnlyList<KanWeightPiece>? Pieces = null);
