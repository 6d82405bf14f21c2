using Search.Genomes.KanBasis;
using Search.Genomes.KanBasis.Reference;

namespace Search.Tests.Genomes.KanBasis.Reference;

/// <summary>ReLU-KAN features: support [s_i, e_i] on x mapped from [-1, 1] to [0, 1], peak 1 in the middle.</summary>
public class ReluKanReferenceTests
{
    [Theory]
    [InlineData(5, 3)]
    [InlineData(3, 1)]
    [InlineData(10, 2)]
    public void Each_feature_peaks_at_one_mid_support_and_is_zero_outside(int grid, int order)
    {
        var basis = new ReluKanBasis(grid, order);
        for (int i = 0; i < grid + order; i++)
        {
            double s = (double)(i - order) / grid, e = s + (double)(order + 1) / grid;
            double mid = (s + e) / 2;
            // Only features whose middle lies in the clamped domain [0, 1] can reach their peak.
            if (mid >= 0 && mid <= 1) Assert.Equal(1.0, KanReference.Features(basis, 2 * mid - 1)[i], 14);
            foreach (double u in new[] { s - 0.01, e + 0.01, s, e })
                if (u >= 0 && u <= 1) Assert.Equal(0.0, KanReference.Features(basis, 2 * u - 1)[i], 15);
        }
    }

    [Fact]
    public void Hand_computed_at_a_point()
    {
        // G = 2, k = 1: supports [-1/2, 1/2], [0, 1], [1/2, 3/2], width 1, scale 16.
        // x = 0.2 maps to 0.6: feature 1 is (0.4 * 0.6)^2 * 16, feature 2 is (0.9 * 0.1)^2 * 16.
        var f = KanReference.Features(new ReluKanBasis(2, 1), 0.2);
        double[] expected = [0, 0.0576 * 16, 0.0081 * 16];
        Assert.Equal(expected, f, (a, b) => Math.Abs(a - b) <= 1e-14);
    }

    [Fact]
    public void Inputs_beyond_the_grid_are_clamped()
    {
        var basis = new ReluKanBasis(5, 3);
        Assert.Equal(KanReference.Features(basis, 1), KanReference.Features(basis, 3.5));
        Assert.Equal(KanReference.Features(basis, -1), KanReference.Features(basis, -100));
        Assert.Contains(KanReference.Features(basis, 100), v => v > 0);
    }
}
