using Evaluators.Families.KanBasis;
using Evaluators.Models;
using Evaluators.Tasks;
using Evaluators.Training;
using Search.Genomes.KanBasis;
using static TorchSharp.torch;

namespace Bench.Kan;

/// <summary>
/// KAN against an MLP of (nearly) equal parameter count on the KAN paper's five toy functions: the KAN
/// at the task's shape with B-spline G=5, k=3; the MLP the kan-basis family's "mlp" baseline
/// (<see cref="EqualParameterMlp"/>: as many hidden layers, at least one, equal widths chosen so its
/// parameter count is closest to the KAN's, SiLU). Both trained the same way:
/// full-batch L-BFGS, the same number of steps, same seeds; test RMSE on 1000 fresh points.
/// </summary>
public static class KanToyTable
{
    public static readonly string[] Tasks = ["kan-bessel", "kan-expsin", "kan-xy", "kan-100d", "kan-4d"];
    private const string Genome = "bspline(grid=5,order=3) | bspline(grid=5,order=3) | bspline(grid=5,order=3)";

    public sealed record Row(string Task, long KanParameters, long MlpParameters, string MlpShape, double[] Kan, double[] Mlp);

    public static Row Run(string taskName, int seeds, int steps, Action<string> progress)
    {
        var task = ProxyTasks.Get(taskName);
        var settings = task.Training with { Optimizer = "lbfgs", Epochs = steps, LearningRate = 1 };
        using var data = TaskData.Prepare(task, null, CPU);
        var kanTemplate = (LinearSlotNet)task.Template;
        var kanSlot = new KanGenomeSlot(KanBasisParser.Parse(new KanSpace { Layers = 3 }, Genome));
        var mlp = new EqualParameterMlp(); // the kan-basis family's "mlp" baseline, as a search trains it
        int inputs = data.SampleShape.Aggregate(1, (a, b) => a * b);
        var widths = kanTemplate.Hidden.Append(data.Outputs).ToArray();
        long kanParameters = Count(kanTemplate, kanSlot, data);
        var hidden = EqualParameterMlp.HiddenWidths(inputs, widths);

        var kan = new double[seeds];
        var mlpRmse = new double[seeds];
        for (int seed = 0; seed < seeds; seed++)
        {
            kan[seed] = Trainer.Train(kanTemplate, kanSlot, data, settings, (ulong)seed + 1).TestRmse;
            mlpRmse[seed] = Trainer.Train(kanTemplate, mlp, data, settings, (ulong)seed + 1).TestRmse;
            progress($"  {taskName} seed {seed + 1}: KAN {kan[seed]:E2}, MLP {mlpRmse[seed]:E2}");
        }
        string shape = $"[{inputs}, {string.Join(", ", hidden)}, {data.Outputs}]";
        return new Row(taskName, kanParameters, Count(kanTemplate, mlp, data), shape, kan, mlpRmse);
    }

    private static long Count(IModelTemplate template, Evaluators.Slots.ISlotFactory slot, PreparedData data)
    {
        using var model = template.Build(data.SampleShape, data.Outputs, slot);
        return model.parameters().Sum(p => p.numel());
    }
}
