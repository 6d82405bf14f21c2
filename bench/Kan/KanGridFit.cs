using Evaluators.Data.Synthetic;
using Evaluators.Families.KanBasis;
using Evaluators.Models;
using Evaluators.Slots;
using Evaluators.Training;
using Evaluators.Training.Lbfgs;
using Search.Genomes.KanBasis;
using TorchSharp;
using static TorchSharp.torch;

namespace Bench.Kan;

/// <summary>
/// pykan's grid-extension tutorial: fit exp(sin(pi x) + y^2) with a [2, 1, 1] B-spline KAN (order 3)
/// on 1000 train / 1000 test points uniform in [-1, 1], full-batch L-BFGS (strong Wolfe, history 10)
/// for a number of steps per grid, refining the grid 3 -> 10 -> 20 between stages (ridge refit of the
/// coefficients), and updating every layer's grid from the samples every 10 steps as pykan does (each
/// node's grid moves to the range of its inputs: a hidden node's values need not stay in [-1, 1]).
/// In float64, as the RMSEs reach 1e-5. Returns the test and train RMSE after each stage.
/// </summary>
public static class KanGridFit
{
    public static IReadOnlyList<(int Grid, double TestRmse, double TrainRmse)> Run(ulong seed, int[] grids, int stepsPerGrid, Action<string> progress)
    {
        var splits = KanTask.Generate(KanFunctions.ExpSin, seed);
        using var scope = NewDisposeScope();
        var (trainX, trainY) = Tensors(splits.Train);
        var (testX, testY) = Tensors(splits.Test);
        var genome = KanBasisParser.Parse(new KanSpace(), $"bspline(grid={grids[0]},order=3) | bspline(grid={grids[0]},order=3)");
        using var model = Trainer.Seeded(seed, () => new LinearSlotNet(1).Build([2], 1, new KanGenomeSlot(genome)));
        model.to(float64);
        var layers = model.modules().OfType<KanLayerModule>().ToArray();

        var results = new List<(int, double, double)>();
        for (int stage = 0; stage < grids.Length; stage++)
        {
            if (stage > 0)
                foreach (var layer in layers) layer.RefineGrid(grids[stage]);
            LbfgsOptimizer? lbfgs = null;
            int evaluations = 0;
            for (int step = 0; step < stepsPerGrid; step++)
            {
                // pykan updates grids from samples every few steps of a fit; not at the very start, where the
                // hidden layers' range is that of random initial coefficients.
                if (SampleAdaptation.IsDue(step) && (stage > 0 || step > 0))
                {
                    // The refit replaces the coefficient tensors, so the optimizer (and its curvature history) starts afresh.
                    SampleAdaptation.AdaptTo(model, trainX);
                    evaluations += lbfgs?.Evaluations ?? 0;
                    lbfgs = null;
                }
                lbfgs ??= new LbfgsOptimizer(model.parameters(), new LbfgsOptions { LearningRate = 1.0, GradientTolerance = 1e-32, ChangeTolerance = 1e-32 });
                double loss = lbfgs.Step(() =>
                {
                    using var s = NewDisposeScope();
                    var l = nn.functional.mse_loss(model.forward(trainX), trainY);
                    l.backward();
                    return l.ToDouble();
                });
                if ((step + 1) % 10 == 0) progress($"  grid {grids[stage]}: step {step + 1}/{stepsPerGrid}, train rmse {Math.Sqrt(loss):E2}");
            }
            double train = Rmse(model, trainX, trainY), test = Rmse(model, testX, testY);
            progress($"  grid {grids[stage]}: train rmse {train:E2}, test rmse {test:E2} ({evaluations + (lbfgs?.Evaluations ?? 0)} evaluations)");
            results.Add((grids[stage], test, train));
        }
        return results;
    }

    private static double Rmse(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return Math.Sqrt(nn.functional.mse_loss(model.forward(x), y).ToDouble());
    }

    private static (Tensor X, Tensor Y) Tensors(Evaluators.Data.TensorData d) =>
        (tensor(d.X, [d.Count, d.SampleShape[0]]).to(float64), tensor(d.Targets!, [d.Count, 1]).to(float64));
}
