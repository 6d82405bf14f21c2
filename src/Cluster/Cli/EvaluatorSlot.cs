namespace Cluster.Cli;

/// <summary>
/// One evaluator slot of this node: its index, how many slots share the machine, its device, the
/// dataset directory, and the torch threads it asks for (0: the cores shared evenly among the slots).
/// </summary>
public sealed record EvaluatorSlot(int Slot, int Slots, string Device, string? DataDirectory, int Threads = 0);
