namespace Evaluators.Data.Fetch;

/// <summary>Where fetched datasets live: $XDG_CACHE_HOME/layer-search/datasets, else ~/.cache/layer-search/datasets.</summary>
public static class DatasetCache
{
    public static string DefaultRoot() =>
        RootFrom(Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>The XDG rule: a relative or empty XDG_CACHE_HOME is ignored.</summary>
    public static string RootFrom(Func<string, string?> environment, string home)
    {
        string? xdg = environment("XDG_CACHE_HOME");
        string cache = !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg) ? xdg : Path.Combine(home, ".cache");
        return Path.Combine(cache, "layer-search", "datasets");
    }
}
