using Search.Core;

namespace Evaluators.Export;

/// <summary>
/// One discovered layer to export: a genome of a family that exports, the name it is shown under
/// (also the source of generated class names), its trained values (an activation's learnable
/// scalars, a learnable not named keeping its init; a KAN network's widths and coefficients as
/// <c>KanLearned</c> writes them), its objective values and free-form
/// metadata (e.g. "individual_id"). Objectives and metadata are written sorted by key.
/// <see cref="UnitGain"/>: the search trained the layer scaled to unit gain
/// (<c>Evaluators.Slots.UnitGainSlot</c>), so the export multiplies by the same fixed gain.
/// <see cref="LearnedSource"/>: where the trained values came from when not from the run's record
/// (e.g. "retrained at export with the run's seed 42; ..."), so the export's notes say so.
/// </summary>
public sealed record ExportItem(
    IGenome Genome,
    string Name,
    IReadOnlyDictionary<string, double>? Learned = null,
    IReadOnlyDictionary<string, double>? Objectives = null,
    IReadOnlyDictionary<string, string>? Metadata = null,
    bool UnitGain = false,
    string? LearnedSource = null);
