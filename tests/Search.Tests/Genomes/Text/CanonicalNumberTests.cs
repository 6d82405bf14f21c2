using CsCheck;
using Search.Genomes.Text;

namespace Search.Tests.Genomes.Text;

public class CanonicalNumberTests
{
    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(-0.0, "0")]
    [InlineData(0.01, "0.01")]
    [InlineData(1.25, "1.25")]
    [InlineData(1e-7, "1e-07")]
    [InlineData(100000.0, "100000")]
    public void Formats_shortest_invariant_spelling(double value, string expected) =>
        Assert.Equal(expected, CanonicalNumber.Format(value));

    [Fact]
    public void Every_finite_double_round_trips_through_its_canonical_spelling() =>
        Gen.Double.Where(double.IsFinite).Sample(x =>
        {
            var s = new TextScanner(CanonicalNumber.Format(x));
            Assert.Equal(x == 0 ? 0 : x, s.TryReadNumber());
            Assert.True(s.AtEnd);
        }, iter: 5000);

    [Theory]
    [InlineData(0.0123456, 3, 0.0123)]
    [InlineData(987654.0, 2, 990000.0)]
    [InlineData(0.0, 3, 0.0)]
    public void Rounds_to_significant_digits(double value, int digits, double expected) =>
        Assert.Equal(expected, CanonicalNumber.RoundSignificant(value, digits));

    [Theory]
    [InlineData("1e400")]
    [InlineData("abc")]
    [InlineData(".")]
    [InlineData("-")]
    public void Rejects_non_numbers_and_infinities_without_moving(string text)
    {
        var s = new TextScanner(text);
        Assert.Null(s.TryReadNumber());
        Assert.Equal(0, s.Position);
    }
}
