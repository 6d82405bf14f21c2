using System.Net;
using Evaluators.Data;
using Evaluators.Data.Fetch;

namespace Evaluators.Tests.Data.Fetch;

/// <summary>The two downloaders, driven without the network (a fake HTTP handler, stand-in programs).</summary>
public class DownloaderTests
{
    private sealed class FakeHandler(HttpStatusCode status, byte[] body) : HttpMessageHandler
    {
        public Uri? Requested { get; private set; }

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancel)
        {
            Requested = request.RequestUri;
            return new HttpResponseMessage(status) { Content = new ByteArrayContent(body) };
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancel) =>
            Task.FromResult(Send(request, cancel));
    }

    [Fact]
    public void Http_download_writes_the_body_and_reports_progress()
    {
        using var dir = new TempDir();
        var body = TestFiles.Pattern(300_000, 5);
        var handler = new FakeHandler(HttpStatusCode.OK, body);
        var url = new Uri(FashionMnistSource.DebUrl);
        var lines = new List<string>();
        string path = new HttpDebDownloader(url, handler).Download(dir.Path, lines.Add, CancellationToken.None);

        Assert.Equal(url, handler.Requested);
        Assert.Equal(body, File.ReadAllBytes(path));
        Assert.Contains(lines, l => l.Contains("(100%)", StringComparison.Ordinal));
    }

    [Fact]
    public void Http_error_status_is_a_dataset_exception_with_the_code()
    {
        using var dir = new TempDir();
        var downloader = new HttpDebDownloader(new Uri("http://example.invalid/x.deb"), new FakeHandler(HttpStatusCode.NotFound, []));
        var e = Assert.Throws<DatasetException>(() => downloader.Download(dir.Path, _ => { }, CancellationToken.None));
        Assert.Contains("HTTP 404", e.Message);
        Assert.Contains("http://example.invalid/x.deb", e.Message);
    }

    [ToolFact("false")]
    public void Apt_get_failure_reports_the_exit_code()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<DatasetException>(() =>
            new AptGetDownloader("dataset-fashion-mnist", aptGet: "false").Download(dir.Path, _ => { }, CancellationToken.None));
        Assert.Contains("apt-get download dataset-fashion-mnist exited with code 1", e.Message);
    }

    [ToolFact("true")]
    public void Apt_get_success_without_a_deb_is_an_error()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<DatasetException>(() =>
            new AptGetDownloader("dataset-fashion-mnist", aptGet: "true").Download(dir.Path, _ => { }, CancellationToken.None));
        Assert.Contains("left no .deb", e.Message);
    }

    [Fact]
    public void Missing_apt_get_says_it_cannot_run()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<DatasetException>(() =>
            new AptGetDownloader("p", aptGet: dir.File("apt-get")).Download(dir.Path, _ => { }, CancellationToken.None));
        Assert.Contains("cannot run", e.Message);
    }
}
