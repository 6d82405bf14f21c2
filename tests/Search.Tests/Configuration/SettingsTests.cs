using Search.Configuration;

namespace Search.Tests.Configuration;

public class SettingsTests
{
    [Fact]
    public void Reads_typed_values_with_defaults_and_reports_unused_keys()
    {
        var s = Settings.Of(("population", 50), ("crossover", 0.9), ("weights", "1, 0.5"), ("inner.sample", 3), ("typo", "x"));
        Assert.Equal(50, s.Int("population", 100));
        Assert.Equal(0.9, s.Double("crossover", 1.0));
        Assert.Equal([1.0, 0.5], s.Doubles("weights")!);
        Assert.Equal(10, s.Int("sample", 10));
        Assert.Equal(3, s.Section("inner.").Int("sample", 10));
        Assert.Equal(["typo"], s.Unused);
    }

    [Fact]
    public void Malformed_values_name_the_key()
    {
        var e = Assert.Throws<FormatException>(() => Settings.Of(("population", "many")).Int("population", 1));
        Assert.Contains("population", e.Message);
    }
}
