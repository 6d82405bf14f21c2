using Cluster.Runs;

namespace Cluster.Tests.Runs;

/// <summary>The check after an export's retraining: bit-for-bit, within the tolerance (absolute up to 1, relative above), or different.</summary>
public sealed class RetrainedObjectivesTests
{
    [Theory]
    [InlineData(0.8123, 0.8123, 0.0, ObjectivesMatch.Identical)]
    [InlineData(double.NaN, double.NaN, 0.0, ObjectivesMatch.Identical)]
    [InlineData(0.8123, 0.81230000001, 1e-6, ObjectivesMatch.WithinTolerance)]
    [InlineData(0.8123, 0.8124, 1e-6, ObjectivesMatch.Different)]
    [InlineData(0.8123, 0.81230000001, 0.0, ObjectivesMatch.Different)]
    [InlineData(1000.0005, 1000.0, 1e-6, ObjectivesMatch.WithinTolerance)]
    [InlineData(1000.002, 1000.0, 1e-6, ObjectivesMatch.Different)]
    [InlineData(double.NaN, 0.5, 1.0, ObjectivesMatch.Different)]
    [InlineData(0.5, double.NaN, 1.0, ObjectivesMatch.Different)]
    public void Compares_each_objective(double retrained, double recorded, double tolerance, ObjectivesMatch expected) =>
        Assert.Equal(expected, RetrainedObjectives.Compare([retrained, 1.0], [recorded, 1.0], tolerance));

    [Fact]
    public void A_different_count_is_different() =>
        Assert.Equal(ObjectivesMatch.Different, RetrainedObjectives.Compare([0.5], [0.5, 1.0], 1.0));
}
