using Cluster.Protocol;
using Cluster.Protocol.Data;
using Cluster.Protocol.Journal;
using Cluster.Serialization;
using Cluster.Tests.Support;
using MessagePack;

namespace Cluster.Tests.Serialization;

/// <summary>
/// The bytes of every message, event and snapshot are pinned (<see cref="WirePins"/>): a change to a
/// protocol type that changes what goes on the wire or into the journal fails here first.
/// </summary>
public sealed class WireFormatTests
{
    public static TheoryData<string> Names() => new(Manifests.Types.Select(Manifests.Of).Order(StringComparer.Ordinal));

    private static IClusterMessage Sample(string manifest) => SampleMessages.All.Single(m => m.GetType() == Manifests.TypeOf(manifest));

    private static byte[] Bytes(object message) => MessagePackSerializer.Serialize(message.GetType(), message, ProtocolSerializer.Options);

    [Theory]
    [MemberData(nameof(Names))]
    public void A_message_serializes_to_its_pinned_bytes(string manifest) =>
        Assert.Equal(WirePins.Hex[manifest], Convert.ToHexString(Bytes(Sample(manifest))));

    [Theory]
    [MemberData(nameof(Names))]
    public void Pinned_bytes_read_back_to_an_equal_message(string manifest)
    {
        var back = MessagePackSerializer.Deserialize(Manifests.TypeOf(manifest), Convert.FromHexString(WirePins.Hex[manifest]), ProtocolSerializer.Options);
        Assert.Equal(Equality.Json(Sample(manifest)), Equality.Json(back!));
    }

    [Fact]
    public void Every_manifest_type_has_a_pin_and_every_pin_a_manifest() =>
        Assert.Equal(Manifests.Types.Select(Manifests.Of).Order(StringComparer.Ordinal), WirePins.Hex.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void Journal_rows_written_before_the_protocol_types_read_back_unchanged()
    {
        // Bytes of the journal types as stored by the version that serialized Search's records directly.
        var report = new ReportData(new ResultData(ResultStatus.Rejected, null, "sanity", "constant output", 0.25), new FingerprintData(0xDEADBEEFUL, true),
            [new StageStatsData("sanity", 3, 1, 0, 0.5, 1.5), new StageStatsData("hurdle", 2, 0, 0, 0, 0)],
            new() { ["validation_accuracy"] = 0.81, ["parameters"] = 1234, ["loss"] = double.PositiveInfinity, ["std"] = double.NaN }, new() { ["e"] = 0.013 });
        (IClusterMessage Value, string Hex)[] rows =
        [
            (new ResultRecorded(42, "w-1", 2, report), WirePins.OldResultRecorded),
            (new JobLost(42, "w-1", "node unreachable"), WirePins.OldJobLost),
            (SampleMessages.All.OfType<CoordinatorSnapshot>().Single(), WirePins.OldSnapshot),
        ];
        foreach (var (value, hex) in rows)
        {
            var back = MessagePackSerializer.Deserialize(value.GetType(), Convert.FromHexString(hex), ProtocolSerializer.Options);
            Assert.Equal(Equality.Json(value), Equality.Json(back!));
            Assert.Equal(hex, Convert.ToHexString(Bytes(value)));
        }
    }
}
