using Cluster.Protocol;
using Cluster.Runs;
using Cluster.TestHost;
using Cluster.Tests.Support;

namespace Cluster.Tests.Runs;

public sealed class RunDirectoryTests
{
    [Fact]
    public void Status_with_infinite_and_nan_metrics_is_written_and_read_back()
    {
        var dir = new RunDirectory(TestRuns.TempDir("rundir"));
        var info = dir.Create(TestSpaces.Zdt1(3, 10), "sqlite:store.db", new ManualClock());
        var status = SampleMessages.All.OfType<StatusReport>().Single();
        dir.WriteStatus(status);

        Assert.Equal(Equality.Json(info), Equality.Json(dir.ReadInfo()));
        Assert.Equal(Equality.Json(status), Equality.Json(dir.ReadStatus()!));
        Assert.Equal("rundir", info.RunId[..6]);
        Assert.Null(info.SpaceCopy); // an embedded space has no file to copy
    }
}
