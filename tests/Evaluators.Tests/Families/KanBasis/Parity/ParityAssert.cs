namespace Evaluators.Tests.Families.KanBasis.Parity;

/// <summary>Element-wise closeness |a - e| &lt;= tol (1 + |e|): absolute near zero, relative for large values.</summary>
public static class ParityAssert
{
    public static void Close(double[] expected, double[] actual, double tolerance, Func<int, string> where)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int k = 0; k < expected.Length; k++)
        {
            double e = expected[k], a = actual[k];
            bool ok = Math.Abs(a - e) <= tolerance * (1.0 + Math.Abs(e)) || (double.IsNaN(e) && double.IsNaN(a));
            Assert.True(ok, $"{where(k)}: reference {e:R}, layer {a:R}, difference {a - e:E3}");
        }
    }
}
