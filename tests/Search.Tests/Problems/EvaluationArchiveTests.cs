using Search.Core;
using Search.Genomes.RealVector;
using Search.MultiObjective;
using Search.Problems;
using Search.Strategies;

namespace Search.Tests.Problems;

public class EvaluationArchiveTests
{
    private static Individual<RealVector> Told(long id, double f1, double f2, bool fail = false) =>
        new(id, new RealVector([0.5]), fail ? EvaluationResult.Fail("x") : EvaluationResult.Accept(f1, f2),
            fail ? [double.PositiveInfinity, double.PositiveInfinity] : [f1, f2]);

    [Fact]
    public void Keeps_the_non_dominated_feasible_points_once_each_and_forgets_nothing_better()
    {
        var archive = new EvaluationArchive();
        archive.Add(Told(0, 0.5, 0.5));
        archive.Add(Told(1, 0.2, 0.9));
        archive.Add(Told(2, 0.6, 0.6)); // dominated by (0.5, 0.5)
        archive.Add(Told(3, 0.5, 0.5)); // equal: the first holder stays
        archive.Add(Told(4, 0, 0, fail: true));
        archive.Add(Told(5, 0.4, 0.4)); // dominates (0.5, 0.5), which leaves

        Assert.Equal(6, archive.Told);
        Assert.Equal([[0.2, 0.9], [0.4, 0.4]], archive.Front);
    }

    [Fact]
    public void A_run_reports_the_archive_front_which_covers_the_final_population()
    {
        var problem = new Zdt1();
        var result = ProblemDriver.Run(new Nsga2<RealVector>(new Nsga2Options(20)), problem, 3000, seed: 3, batch: 7);

        var archive = result.Archive.Front;
        Assert.Equal(archive.Count, ParetoFront.Indices(archive.ToArray()).Length); // mutually non-dominated
        Assert.All(result.Population.Front, p => Assert.Contains(archive, a => a[0] <= p[0] && a[1] <= p[1]));
        Assert.True(result.Archive.Hypervolume >= result.Population.Hypervolume);
        Assert.True(archive.Count > result.Population.Front.Count, "150 generations leave more non-dominated points behind than 20 survivors hold");
        Assert.Equal(3000, result.Archive.Evaluations);
    }
}
