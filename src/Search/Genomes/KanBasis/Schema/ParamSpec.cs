using Search.Genomes.Text;

namespace Search.Genomes.KanBasis.Schema;

internal enum ParamType { Int, Real, Choice }

/// <summary>
/// One hyperparameter of a basis: its key in text, its type, its default and where the space keeps
/// its range. Values travel as doubles (ints and choice ordinals exactly), so parsing, printing,
/// sampling and tweaking are written once for all bases.
/// </summary>
internal sealed record ParamSpec(
    string Key,
    ParamType Type,
    double Default,
    Func<KanSpace, IntRange>? IntRangeOf = null,
    Func<KanSpace, RealRange>? RealRangeOf = null,
    IReadOnlyList<string>? ChoiceNames = null,
    Func<KanSpace, IReadOnlyList<int>>? AllowedChoices = null)
{
    public static ParamSpec Int(string key, int dflt, Func<KanSpace, IntRange> range) => new(key, ParamType.Int, dflt, IntRangeOf: range);

    public static ParamSpec Real(string key, double dflt, Func<KanSpace, RealRange> range) => new(key, ParamType.Real, dflt, RealRangeOf: range);

    public static ParamSpec Choice(string key, int dflt, IReadOnlyList<string> names, Func<KanSpace, IReadOnlyList<int>> allowed) =>
        new(key, ParamType.Choice, dflt, ChoiceNames: names, AllowedChoices: allowed);

    public bool Admits(KanSpace space, double v) => Type switch
    {
        ParamType.Int => v == Math.Floor(v) && IntRangeOf!(space).Contains((int)v),
        ParamType.Real => RealRangeOf!(space).Contains(v),
        _ => AllowedChoices!(space).Contains((int)v),
    };

    /// <summary>What a valid value looks like, for error messages: "integer for 'grid' (2..64)".</summary>
    public string Describe(KanSpace space) => Type switch
    {
        ParamType.Int => $"integer for '{Key}' ({IntRangeOf!(space)})",
        ParamType.Real => $"number for '{Key}' ({RealRangeOf!(space)})",
        _ => $"one of {string.Join(", ", AllowedChoices!(space).Select(i => ChoiceNames![i]))} for '{Key}'",
    };

    public string Format(double v) => Type switch
    {
        ParamType.Int => CanonicalNumber.Format((int)v),
        ParamType.Real => CanonicalNumber.Format(v),
        _ => ChoiceNames![(int)v],
    };

    /// <summary>Whether the space leaves more than one value to choose from.</summary>
    public bool IsFree(KanSpace space) => Type switch
    {
        ParamType.Int => IntRangeOf!(space).Min < IntRangeOf!(space).Max,
        ParamType.Real => RealRangeOf!(space).Min < RealRangeOf!(space).Max,
        _ => AllowedChoices!(space).Count > 1,
    };
}
