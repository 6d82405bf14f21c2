using Evaluators.Data.Fetch;

namespace Evaluators.Tests.Data.Fetch;

public class DatasetCacheTests
{
    private static Func<string, string?> Env(string? xdg) => name => name == "XDG_CACHE_HOME" ? xdg : null;

    [Fact]
    public void Uses_an_absolute_xdg_cache_home() =>
        Assert.Equal("/x/cache/layer-search/datasets", DatasetCache.RootFrom(Env("/x/cache"), "/home/u"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("relative/cache")] // the XDG spec says to ignore relative paths
    public void Falls_back_to_dot_cache_in_home(string? xdg) =>
        Assert.Equal("/home/u/.cache/layer-search/datasets", DatasetCache.RootFrom(Env(xdg), "/home/u"));
}
