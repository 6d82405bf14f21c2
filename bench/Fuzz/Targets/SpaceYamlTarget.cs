using System.Text;
using Cluster.Spaces;
using Search.Core;

namespace Bench.Fuzz.Targets;

/// <summary>
/// The search-space loader (<see cref="SearchSpaceFile.Parse"/>) on the shipped spaces and their
/// mutants. Bad text may raise only <see cref="SearchSpaceException"/> (file:line:column).
/// Relative data paths resolve under a folder that does not exist, so nothing outside is read.
/// </summary>
public sealed class SpaceYamlTarget : IFuzzTarget
{
    private static readonly string NoFolder = Path.Combine(Path.GetTempPath(), "fuzz-space-no-such-folder");
    private readonly byte[][] _spaces = [.. SearchSpaceFile.EmbeddedNames.Select(n => Encoding.UTF8.GetBytes(SearchSpaceFile.EmbeddedText(n)))];

    public string Name => "space-yaml";

    public IReadOnlyList<byte[]> Tokens { get; } =
    [
        .. new[]
        {
            "\n", "  ", "- ", ": ", "[", "]", "{", "}", ",", "&a ", "*a", "<<: *a", "!!binary ", "!!int ", "!tag ", "---\n", "...\n",
            "\"", "'", "|\n", ">\n", "? ", "# ", "\t", "~", "null", "true", "off", "\\u0000", "%YAML 1.2\n", "[[", "{a: ",
            "name:", "seed:", "family:", "strategy:", "objectives:", "evaluation:", "rejection:", "budget:", "initial:",
            "baselines:", "fidelity:", "lookahead:", "max_evaluations:", "population:", "tasks:", "seeds:", "metric:",
            "direction:", "rungs:", "data:", "- relu(x)", "-1", "1e999", "0x10", ".inf", ".nan",
        }.Select(Encoding.UTF8.GetBytes),
    ];

    public byte[] Valid(Rng rng) => rng.Pick(_spaces);

    public void Run(byte[] input) => SearchSpaceFile.Parse(Encoding.UTF8.GetString(input), "fuzz.yaml", NoFolder);

    public bool IsDocumented(Exception e) => e is SearchSpaceException;
}
