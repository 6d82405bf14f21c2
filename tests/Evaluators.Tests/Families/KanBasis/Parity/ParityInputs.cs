namespace Evaluators.Tests.Families.KanBasis.Parity;

/// <summary>
/// Parity inputs: inside the grid [-1, 1] (knots of small grids included), on and around its edges
/// (|x| -> 1 from both sides), outside it and far outside. Row n, node i holds value (n + 7i) mod V,
/// so every node sees every value in different company (the RBF LayerNorm mixes the nodes of a row);
/// two last rows give the nodes nearly equal values (LayerNorm variance below its epsilon 1e-5) and equal
/// values (variance 0).
/// </summary>
public static class ParityInputs
{
    public static readonly double[] Values =
    [
        -0.83, -0.5, -0.31, -0.2, 0.0, 0.07, 1.0 / 3, 0.52, 0.6, 0.94,
        -1.0, 1.0, -1 + 1e-9, 1 - 1e-9, -1 - 1e-9, 1 + 1e-9, 1 - 1e-15, -1 + 1e-15,
        -1.3, 1.7, -2.5, 2.5, 4.0, -4.0,
        50.0, -50.0, 1e3, -1e3, 1e6, -1e6,
    ];

    /// <summary>(rows, width) row-major.</summary>
    public static double[] Rows(int width, out int rows)
    {
        rows = Values.Length + 2;
        var x = new double[rows * width];
        for (int n = 0; n < Values.Length; n++)
            for (int i = 0; i < width; i++)
                x[n * width + i] = Values[(n + 7 * i) % Values.Length];
        for (int i = 0; i < width; i++)
        {
            x[Values.Length * width + i] = 0.3 + 1e-3 * i;
            x[(Values.Length + 1) * width + i] = 0.3;
        }
        return x;
    }
}
