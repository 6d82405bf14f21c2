namespace Evaluators.Data;

/// <summary>Per-channel mean and standard deviation fitted by <see cref="Standardizer"/>.</summary>
public sealed record ChannelStats(float[] Mean, float[] Std);
