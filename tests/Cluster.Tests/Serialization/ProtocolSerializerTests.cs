using Akka.Actor;
using Akka.Configuration;
using Cluster.Protocol;
using Cluster.Serialization;
using Cluster.Tests.Support;

namespace Cluster.Tests.Serialization;

public sealed class ProtocolSerializerTests : IDisposable
{
    private readonly ActorSystem _system = ActorSystem.Create("ser", ConfigurationFactory.ParseString($$"""
        akka.actor.serializers.search-msgpack = "{{typeof(ProtocolSerializer).AssemblyQualifiedName}}"
        akka.actor.serialization-bindings { "{{typeof(IClusterMessage).AssemblyQualifiedName}}" = search-msgpack }
        akka.loglevel = WARNING
        """));

    public void Dispose() => _system.Terminate().Wait(TimeSpan.FromSeconds(10));

    public static TheoryData<int> Indexes() => new(Enumerable.Range(0, SampleMessages.All.Count));

    [Theory]
    [MemberData(nameof(Indexes))]
    public void Every_message_round_trips_through_the_bound_serializer_with_its_alias_manifest(int index)
    {
        var message = SampleMessages.All[index];
        var serializer = _system.Serialization.FindSerializerFor(message);
        Assert.IsType<ProtocolSerializer>(serializer);
        var manifested = Assert.IsAssignableFrom<Akka.Serialization.SerializerWithStringManifest>(serializer);
        string manifest = manifested.Manifest(message);
        Assert.DoesNotContain(".", manifest); // an alias, not a CLR type name

        var back = _system.Serialization.Deserialize(serializer.ToBinary(message), serializer.Identifier, manifest);
        Assert.IsType(message.GetType(), back);
        Assert.Equal(Equality.Json(message), Equality.Json(back));
    }

    [Fact]
    public void Every_protocol_type_in_the_assembly_has_a_unique_manifest_and_a_sample()
    {
        var types = typeof(IClusterMessage).Assembly.GetTypes()
            .Where(t => typeof(IClusterMessage).IsAssignableFrom(t) && !t.IsInterface && !t.IsAbstract).ToHashSet();
        Assert.Equal(types.OrderBy(t => t.Name), Manifests.Types.OrderBy(t => t.Name));
        Assert.Equal(types.Count, types.Select(Manifests.Of).Distinct().Count());
        Assert.Equal(types.OrderBy(t => t.Name), SampleMessages.All.Select(m => m.GetType()).Distinct().OrderBy(t => t.Name));
    }

    [Fact]
    public void Unknown_manifest_is_refused_with_a_clear_error()
    {
        var serializer = (ProtocolSerializer)_system.Serialization.FindSerializerForType(typeof(IClusterMessage));
        var e = Assert.Throws<ArgumentException>(() => serializer.FromBinary([0xC0], "no-such-thing"));
        Assert.Contains("no-such-thing", e.Message);
    }

    [Fact]
    public void Manifests_are_the_stored_names_and_never_change()
    {
        // Journal rows keep these names: changing one breaks every stored run.
        Assert.Equal("ev-result", Manifests.Of(typeof(Cluster.Protocol.Journal.ResultRecorded)));
        Assert.Equal("ev-lost", Manifests.Of(typeof(Cluster.Protocol.Journal.JobLost)));
        Assert.Equal("snap-coord", Manifests.Of(typeof(Cluster.Protocol.Journal.CoordinatorSnapshot)));
        Assert.Equal(4711, ProtocolSerializer.Id);
    }
}
