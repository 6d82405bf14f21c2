namespace Evaluators.Slots;

/// <summary>A slot module that reads where training is (temperature schedules, bias updates after a step).</summary>
public interface IStepAware
{
    /// <summary>Called before the forward of each training step.</summary>
    void BeforeStep(TrainingStep step);

    /// <summary>Called after the optimizer step (e.g. to move a balancing bias); nothing by default.</summary>
    void AfterStep(TrainingStep step) { }
}

/// <summary>Step index (0-based) of a training run and its total steps.</summary>
public readonly record struct TrainingStep(int Step, int TotalSteps);
