using Cluster.Coordinator;
using Cluster.Protocol;
using Cluster.Spaces;

namespace Cluster.Tests.Families;

/// <summary>Small search-space texts for one family, with whatever family settings and seeds a test needs.</summary>
internal static class FamilyYaml
{
    public static string Space(string family, string task, string familySettings = "", string? seed = null) => $"""
        name: walk-{family}
        family:
          name: {family}
        {Indent(familySettings)}
        strategy:
          name: aging
          population: 4
          sample: 2
        objectives:
          - name: accuracy
            metric: validation_accuracy
            direction: maximize
        evaluation:
          tasks: [{task}]
        {(seed is null ? "" : $"initial:\n  seeds:\n    - '{seed}'")}
        budget:
          max_evaluations: 4
        """;

    /// <summary>The first job a real coordinator hands out for the space (its first seed, when the space lists seeds).</summary>
    public static Job FirstJob(SearchSpace space) =>
        Assert.IsType<Job>(SearchCoordinator.Create(space, "run", new CoordinatorSettings(), TimeProvider.System).Offer("worker"));

    private static string Indent(string settings) =>
        string.Join("\n", settings.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => "  " + l));
}
