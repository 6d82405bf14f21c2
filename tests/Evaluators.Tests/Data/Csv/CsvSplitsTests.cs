using System.Globalization;
using System.Text;
using Evaluators.Data;
using Evaluators.Data.Csv;

namespace Evaluators.Tests.Data.Csv;

public class CsvSplitsTests
{
    [Theory]
    [InlineData(300, 210, 45, 45)]
    [InlineData(10, 6, 2, 2)]
    [InlineData(101, 71, 15, 15)]
    public void Rows_split_70_15_15_disjoint_and_complete(int rows, int train, int validation, int test)
    {
        var (tr, va, te) = CsvSplits.Rows(rows, seed: 5);
        Assert.Equal((train, validation, test), (tr.Length, va.Length, te.Length));
        Assert.Equal(Enumerable.Range(0, rows), tr.Concat(va).Concat(te).Order());
    }

    [Fact]
    public void The_split_is_a_function_of_the_seed()
    {
        var a = CsvSplits.Rows(300, 5);
        var b = CsvSplits.Rows(300, 5);
        var c = CsvSplits.Rows(300, 6);
        Assert.Equal(a.Train, b.Train);
        Assert.Equal(a.Validation, b.Validation);
        Assert.Equal(a.Test, b.Test);
        Assert.NotEqual(a.Test, c.Test);
        Assert.NotEqual(Enumerable.Range(0, 210), a.Train); // shuffled, not the file's order
    }

    [Fact]
    public void Inputs_map_onto_minus_one_one_and_the_target_is_standardised_on_the_train_rows()
    {
        var data = Table(200, i => [i * 0.5 - 7, 4.0, i % 13], i => 1000 + 50 * Math.Sin(i));
        var splits = CsvSplits.Make(data, seed: 3);
        var (train, _, _) = CsvSplits.Rows(200, 3);

        Assert.Equal(140, splits.Train.Count);
        Assert.Equal(30, splits.Validation!.Count);
        Assert.Equal(30, splits.Test.Count);
        Assert.Equal([3], splits.Train.SampleShape);
        for (int j = 0; j < 3; j++)
        {
            var column = Enumerable.Range(0, 140).Select(i => splits.Train.X[i * 3 + j]).ToArray();
            if (j == 1) Assert.All(column, v => Assert.Equal(0f, v)); // a constant input becomes 0
            else { Assert.Equal(-1f, column.Min(), 1e-6f); Assert.Equal(1f, column.Max(), 1e-6f); }
        }
        var y = train.Select(r => data.Y[r]).ToArray();
        double mean = y.Average(), std = Math.Sqrt(y.Sum(v => (v - mean) * (v - mean)) / y.Length);
        Assert.Equal(std, splits.TargetScale, 9);
        Assert.Equal(0, splits.Train.Targets!.Average(), 5);
        for (int i = 0; i < 30; i++) // validation and test use the training rows' statistics
        {
            int r = CsvSplits.Rows(200, 3).Test[i];
            Assert.Equal((float)((data.Y[r] - mean) / std), splits.Test.Targets![i], 1e-5f);
            Assert.Equal((float)(2 * (data.X[r * 3] - (-7 + 0.5 * train.Min())) / (0.5 * (train.Max() - train.Min())) - 1), splits.Test.X[i * 3], 1e-5f);
        }
    }

    [Fact]
    public void A_train_limit_keeps_the_first_training_rows_and_leaves_validation_and_test_whole()
    {
        var data = Table(100, i => [i], i => i * i);
        var full = CsvSplits.Make(data, 1);
        var limited = CsvSplits.Make(data, 1, trainLimit: 20);
        Assert.Equal(20, limited.Train.Count);
        Assert.Equal(full.Validation!.Count, limited.Validation!.Count);
        Assert.Equal(full.Test.Count, limited.Test.Count);
        var rows = CsvSplits.Rows(100, 1).Train.Take(20).ToArray();
        double mean = rows.Average(r => data.Y[r]);
        for (int i = 0; i < 20; i++) Assert.Equal(data.Y[rows[i]], limited.Train.Targets![i] * limited.TargetScale + mean, 0.05);
    }

    [Fact]
    public void The_catalog_loads_a_csv_file_and_refuses_the_csv_dataset_without_one()
    {
        using var dir = new TempDir();
        var sb = new StringBuilder("x1,x2,target\n");
        for (int i = 0; i < 40; i++) sb.Append(CultureInfo.InvariantCulture, $"{i},{-i},{i * 2}\n");
        string path = CsvFiles.Write(dir, sb.ToString());
        var catalog = DatasetCatalog.CreateDefault();
        var lines = new List<string>();
        var splits = catalog.Load("csv", new DatasetLoadOptions { Csv = new CsvSource(path, "x1", 2), Progress = lines.Add });
        Assert.Equal((28, 6, 6), (splits.Train.Count, splits.Validation!.Count, splits.Test.Count));
        Assert.Equal([2], splits.Train.SampleShape);
        Assert.Equal($"{path}: 40 rows; target 'x1', inputs 'x2', 'target'; split seed 2", Assert.Single(lines));
        Assert.Contains("pass --data FILE.csv", Assert.Throws<DatasetException>(() => catalog.Load("csv")).Message);
    }

    private static CsvRegressionData Table(int rows, Func<int, double[]> x, Func<int, double> y)
    {
        var first = x(0);
        return new CsvRegressionData("t.csv", [.. Enumerable.Range(0, first.Length).Select(j => $"x{j}")], "y", rows,
            [.. Enumerable.Range(0, rows).SelectMany(x)], [.. Enumerable.Range(0, rows).Select(y)]);
    }
}
