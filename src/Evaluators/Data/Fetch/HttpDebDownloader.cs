namespace Evaluators.Data.Fetch;

/// <summary>Downloads a .deb from a fixed address (the fallback when apt-get cannot).</summary>
public sealed class HttpDebDownloader(Uri url, HttpMessageHandler? handler = null) : IDebDownloader
{
    public string Name => $"download {url}";

    public string Download(string workDirectory, Action<string> progress, CancellationToken cancel)
    {
        using var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        client.Timeout = TimeSpan.FromMinutes(10);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        using var response = client.Send(request, HttpCompletionOption.ResponseHeadersRead, cancel);
        if (!response.IsSuccessStatusCode)
            throw new DatasetException($"{Name} failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}", url.ToString());

        long? total = response.Content.Headers.ContentLength;
        string path = Path.Combine(workDirectory, "package.deb");
        using (var source = response.Content.ReadAsStream(cancel))
        using (var target = File.Create(path))
        {
            var buffer = new byte[1 << 16];
            long done = 0;
            int reported = 0, read;
            while ((read = source.Read(buffer)) > 0)
            {
                cancel.ThrowIfCancellationRequested();
                target.Write(buffer, 0, read);
                done += read;
                if (total is > 0 && done * 10 / total.Value > reported)
                {
                    reported = (int)(done * 10 / total.Value);
                    progress($"  downloaded {done / 1024} KiB of {total.Value / 1024} KiB ({reported * 10}%)");
                }
            }
            if (total is long expected && done != expected)
                throw new DatasetException($"{Name}: connection ended after {done} of {expected} bytes", url.ToString());
        }
        return path;
    }
}
