namespace Evaluators.Export;

/// <summary>A learnable of an exported layer: its initial value and the value it is exported with.</summary>
public sealed record LearnedScalar(string Name, double Init, double Value);
