namespace Evaluators.Slots;

/// <summary>
/// A slot module that adapts itself to the inputs it sees (a KAN layer moving its grid to where its
/// inputs lie). The full-batch trainer calls <see cref="AdaptOnNextForward"/> on every such module and
/// then runs the whole training split through the model once, so each module adapts to its own input
/// as the modules before it have just left it.
/// </summary>
public interface ISampleAdaptive
{
    void AdaptOnNextForward();
}
