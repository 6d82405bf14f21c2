namespace Evaluators.Export;

/// <summary>Settings shared by every item of one export.</summary>
public sealed record ExportOptions
{
    /// <summary>The run the layers come from; written into headers and JSON documents when set.</summary>
    public string? RunId { get; init; }

    /// <summary>The run id to write, or null when none is set or it is blank (a header then names no run).</summary>
    public string? RunName => string.IsNullOrWhiteSpace(RunId) ? null : RunId;

    /// <summary>Figures (image path as the LaTeX file should name it, caption) the LaTeX export includes after the equations.</summary>
    public IReadOnlyList<(string Path, string Caption)> Figures { get; init; } = [];

    /// <summary>C# namespace of the generated TorchSharp classes.</summary>
    public string Namespace { get; init; } = "Exported.Layers";
}
