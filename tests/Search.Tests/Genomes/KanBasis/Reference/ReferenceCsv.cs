using System.Globalization;

namespace Search.Tests.Genomes.KanBasis.Reference;

/// <summary>
/// The SciPy / NumPy reference tables in Data/ (copied next to the test assembly): a header
/// <c>x,B0,B1,...</c> or <c>x,T0,...</c>, then one row per x with the basis values at x.
/// </summary>
public static class ReferenceCsv
{
    public static IReadOnlyList<(double X, double[] Values)> Read(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Genomes", "KanBasis", "Reference", "Data", name);
        var lines = File.ReadAllLines(path);
        var rows = new List<(double, double[])>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = line.Split(',').Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray();
            rows.Add((cells[0], cells[1..]));
        }
        Assert.NotEmpty(rows);
        return rows;
    }
}
