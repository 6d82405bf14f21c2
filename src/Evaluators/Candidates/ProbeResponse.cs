namespace Evaluators.Candidates;

/// <summary>
/// A candidate's float64 response to its family's probe inputs. <see cref="Gradients"/>[i] is the
/// derivative of the sum of the outputs with respect to input i; for an elementwise activation that
/// is f'(Inputs[i]).
/// </summary>
public sealed record ProbeResponse(double[] Inputs, double[] Outputs, double[] Gradients);
