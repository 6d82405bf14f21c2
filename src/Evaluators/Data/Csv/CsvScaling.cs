namespace Evaluators.Data.Csv;

/// <summary>
/// What the CSV task learns on, fitted on the training rows only (no validation or test
/// information leaks in): each input mapped linearly from its training [min, max] onto [-1, 1],
/// the domain of the KAN grids (a constant input becomes 0; validation and test values outside
/// the training range land outside [-1, 1], where the grids clamp); the target standardised to
/// (y - mean) / std, so one learning rate suits any units. <see cref="TargetStd"/> turns an error
/// on the standardised target back into the target's own units.
/// </summary>
public sealed record CsvScaling(double[] InputMin, double[] InputMax, double TargetMean, double TargetStd)
{
    public static CsvScaling Fit(CsvRegressionData data, IReadOnlyList<int> trainRows)
    {
        int d = data.Inputs;
        var min = Enumerable.Repeat(double.PositiveInfinity, d).ToArray();
        var max = Enumerable.Repeat(double.NegativeInfinity, d).ToArray();
        double sum = 0;
        foreach (int r in trainRows)
        {
            for (int j = 0; j < d; j++)
            {
                double v = data.X[r * d + j];
                min[j] = Math.Min(min[j], v);
                max[j] = Math.Max(max[j], v);
            }
            sum += data.Y[r];
        }
        double mean = sum / trainRows.Count, squares = 0;
        foreach (int r in trainRows) squares += (data.Y[r] - mean) * (data.Y[r] - mean);
        double std = Math.Sqrt(squares / trainRows.Count);
        bool constant = trainRows.All(r => data.Y[r] == data.Y[trainRows[0]]);
        return new CsvScaling(min, max, mean, constant || !(std > 0) ? 1.0 : std);
    }

    /// <summary>The given rows, scaled, as a regression set with one target.</summary>
    public TensorData Apply(CsvRegressionData data, IReadOnlyList<int> rows)
    {
        int d = data.Inputs;
        var x = new float[rows.Count * d];
        var y = new float[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            int r = rows[i];
            for (int j = 0; j < d; j++)
            {
                double span = InputMax[j] - InputMin[j];
                x[i * d + j] = span > 0 ? (float)(2 * (data.X[r * d + j] - InputMin[j]) / span - 1) : 0f;
            }
            y[i] = (float)((data.Y[r] - TargetMean) / TargetStd);
        }
        return new TensorData(x, [d], rows.Count, null, y, 1);
    }
}
