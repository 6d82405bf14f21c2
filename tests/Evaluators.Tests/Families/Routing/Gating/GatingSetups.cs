using Evaluators.Families.Routing.Gating;

namespace Evaluators.Tests.Families.Routing.Gating;

/// <summary>Small true models shared by the gating tests (d = 1, two experts).</summary>
internal static class GatingSetups
{
    public static GaussianMoeParameters Truth(GatingKind kind) => new(kind,
        GaussianMoeParameters.Matrix(2, 1, 2, -1), [0.3, -0.3], 1.5, GaussianMoeParameters.Matrix(2, 1, 1, -1), [0.5, -0.5], [0.1, 0.2]);

    public static IEnumerable<object[]> Kinds() => [[GatingKind.SoftmaxTemperature], [GatingKind.ActivationSoftmax]];
}
