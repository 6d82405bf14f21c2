namespace Search.Problems;

/// <summary>The benchmark problems by name.</summary>
public static class ProblemRegistry
{
    public static IReadOnlyList<string> Names { get; } = ["zdt1", "zdt2", "zdt3", "zdt4", "zdt6", "dtlz2"];

    public static IProblem Create(string name) => name switch
    {
        "zdt1" => new Zdt1(),
        "zdt2" => new Zdt2(),
        "zdt3" => new Zdt3(),
        "zdt4" => new Zdt4(),
        "zdt6" => new Zdt6(),
        "dtlz2" => new Dtlz2(),
        _ => throw new ArgumentException($"unknown problem '{name}'; known: {string.Join(", ", Names)}", nameof(name)),
    };
}
