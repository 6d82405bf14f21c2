using PuppeteerSharp;

namespace Cluster.Tests.Dashboard;

/// <summary>
/// Debian's chromium at /usr/bin/chromium, driven by PuppeteerSharp; never a downloaded browser.
/// Headless with --no-sandbox: CI runs as root, where chromium's sandbox refuses to start.
/// </summary>
internal static class Chromium
{
    public const string Executable = "/usr/bin/chromium";
    public const string Install = "apt-get install -y chromium";

    /// <summary>Null when the browser is there; else why not, with the command that installs it.</summary>
    public static string? Missing => File.Exists(Executable) ? null : $"{Executable} is missing; on Debian 12: {Install}";

    public static Task<IBrowser> Launch() => Puppeteer.LaunchAsync(new LaunchOptions
    {
        ExecutablePath = Executable,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        Timeout = 60_000,
    });
}

/// <summary>A fact that is skipped, saying how to install chromium, when /usr/bin/chromium is absent.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.Missing is { } why) Skip = why;
    }
}

/// <summary>One browser per test class, started by the first test that asks (never when every test is skipped).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private IBrowser? browser;

    public async Task<IBrowser> Browser()
    {
        await gate.WaitAsync();
        try { return browser ??= await Chromium.Launch(); }
        finally { gate.Release(); }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        gate.Dispose();
    }
}
