using Search.Core;

namespace Evaluators.Export;

/// <summary>
/// One discovered layer to export: an activation or norm-act genome, the name it is shown under
/// (also the source of generated class names), the trained values of its learnable scalars
/// (activations only; a learnable not named keeps its init), its objective values and free-form
/// metadata (e.g. "individual_id"). Objectives and metadata are written sorted by key.
/// </summary>
public sealed record ExportItem(
    IGenome Genome,
    string Name,
    IReadOnlyDictionary<string, double>? Learned = null,
    IReadOnlyDictionary<string, double>? Objectives = null,
    IReadOnlyDictionary<string, string>? Metadata = null);
