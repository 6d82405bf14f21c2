using Cluster.Validation;
using Evaluators.Candidates;

namespace Cluster.Tests.Validation;

public sealed class ValidationPlanTests
{
    private static readonly EvaluationPlan Run = new()
    {
        Tasks = ["fmnist-deep-mlp"], Epochs = 1, TrainSubset = 500, UnitGain = false, Seeds = 3,
        Objectives = ["validation_accuracy@fmnist-deep-mlp"],
    };

    [Fact]
    public void Another_task_trains_with_its_own_budget()
    {
        var plan = ValidationPlan.Plan(Run, "fmnist-cnn");
        Assert.Equal(["fmnist-cnn"], plan.Tasks);
        Assert.Equal(((int?)null, (int?)null, (bool?)null, 1), (plan.Epochs, plan.TrainSubset, plan.UnitGain, plan.Seeds));
        Assert.Equal(["validation_accuracy"], plan.Objectives);
        Assert.Null(plan.Hurdle);
        Assert.False(plan.EquivalenceCache);
    }

    [Fact]
    public void The_search_task_keeps_the_run_budget()
    {
        var plan = ValidationPlan.Plan(Run, "fmnist-deep-mlp");
        Assert.Equal(((int?)1, (int?)500, (bool?)false, 1), (plan.Epochs, plan.TrainSubset, plan.UnitGain, plan.Seeds));
    }
}
