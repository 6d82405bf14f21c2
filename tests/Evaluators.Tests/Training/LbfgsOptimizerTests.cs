using Evaluators.Families.KanBasis;
using Evaluators.Runtime;
using Evaluators.Tasks;
using Evaluators.Training;
using Evaluators.Training.Lbfgs;
using Search.Genomes.KanBasis;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Evaluators.Tests.Training;

/// <summary>L-BFGS with the strong-Wolfe line search: textbook problems, and full-batch training through the Trainer.</summary>
public class LbfgsOptimizerTests
{
    public LbfgsOptimizerTests() => TorchRuntime.EnsureReady(1);

    [Fact]
    public void Minimises_the_rosenbrock_function()
    {
        using var scope = NewDisposeScope();
        var p = new Parameter(tensor(new[] { -1.2, 1.0 }, float64));
        var lbfgs = new LbfgsOptimizer([p], new LbfgsOptions { GradientTolerance = 1e-12, ChangeTolerance = 1e-15 });
        for (int step = 0; step < 10; step++)
            lbfgs.Step(() =>
            {
                using var s = NewDisposeScope();
                var (x, y) = (p[0], p[1]);
                var f = (1 - x).pow(2).add(y.sub(x.pow(2)).pow(2).mul(100));
                f.backward();
                return f.ToDouble();
            });
        var v = p.data<double>().ToArray();
        Assert.Equal(1.0, v[0], 6);
        Assert.Equal(1.0, v[1], 6);
        Assert.True(lbfgs.Evaluations < 200, $"{lbfgs.Evaluations} evaluations");
    }

    [Fact]
    public void Solves_a_quadratic_in_at_most_its_dimension_of_iterations()
    {
        using var scope = NewDisposeScope();
        // f = 1/2 x^T A x - b^T x with A diagonal: the minimum is b / diag.
        var diag = tensor(new[] { 1.0, 3.0, 10.0, 0.5 }, float64);
        var b = tensor(new[] { 1.0, -2.0, 4.0, 0.25 }, float64);
        var p = new Parameter(zeros(4, dtype: float64));
        var lbfgs = new LbfgsOptimizer([p], new LbfgsOptions { GradientTolerance = 1e-12, ChangeTolerance = 1e-15 });
        lbfgs.Step(() =>
        {
            using var s = NewDisposeScope();
            var f = p.pow(2).mul(diag).sum().mul(0.5).sub(p.mul(b).sum());
            f.backward();
            return f.ToDouble();
        });
        Assert.True(p.sub(b.div(diag)).abs().max().item<double>() < 1e-8);
    }

    [Fact]
    public void Trainer_fits_a_kan_task_full_batch_and_beats_its_start()
    {
        var task = ProxyTasks.Get("kan-xy") with { Training = new TrainingSettings { Optimizer = "lbfgs", Epochs = 20, LearningRate = 1 } };
        using var data = TaskData.Prepare(task, null, CPU);
        var slot = new KanGenomeSlot(KanBasisParser.Parse(new KanSpace(), "bspline(grid=5,order=3) | bspline(grid=5,order=3)"));
        var trained = Trainer.Train(task.Template, slot, data, task.Training, seed: 1);
        var untrained = Trainer.Train(task.Template, slot, data, task.Training with { MaxSteps = 1, Epochs = 1 }, seed: 1);
        Assert.False(trained.Diverged);
        Assert.Equal(20, trained.Steps);
        Assert.True(trained.TestRmse < 0.02, $"x*y test rmse {trained.TestRmse}");
        Assert.True(trained.TestRmse < untrained.TestRmse / 5, $"{trained.TestRmse} vs one step {untrained.TestRmse}");
        // Same seed, same result: the search relies on it.
        var again = Trainer.Train(task.Template, slot, data, task.Training, seed: 1);
        Assert.Equal(trained.TestRmse, again.TestRmse);
    }
}
