namespace Cluster.Cli;

/// <summary>One evaluator slot of this node: its index, how many slots share the machine, its device, the dataset directory.</summary>
public sealed record EvaluatorSlot(int Slot, int Slots, string Device, string? DataDirectory);
