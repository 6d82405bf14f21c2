namespace Evaluators.Slots;

/// <summary>
/// A slot module that measures how it behaves on the data it sees (a mixture-of-experts layer's
/// expert loads, dropped tokens and active experts per token). The trainer resets every such module
/// before evaluating on the validation split and reads <see cref="Measures"/> after it; the values
/// of several modules of a model are averaged key by key and reported beside the task's metrics.
/// </summary>
public interface IMeasuredSlot
{
    /// <summary>Forgets what the forwards so far measured.</summary>
    void ResetMeasures();

    /// <summary>What the forwards since the last reset measured, by metric name (e.g. max_vio); empty before any.</summary>
    IReadOnlyDictionary<string, double> Measures { get; }
}
