using Akka.Actor;
using Akka.Serialization;
using MessagePack;
using MessagePack.Resolvers;

namespace Cluster.Serialization;

/// <summary>
/// MessagePack for every <see cref="Protocol.IClusterMessage"/>: messages on the wire, journal
/// events and snapshots. Manifests come from <see cref="Manifests"/>, never CLR names. The standard
/// resolver has no contractless fallback: a type without <c>[MessagePackObject]</c> fails to
/// serialize, so a domain record can never slip into the wire format by property name (the
/// serialization tests also require integer keys on every type a message can reach).
/// </summary>
public sealed class ProtocolSerializer : SerializerWithStringManifest
{
    /// <summary>Stored with each journal row: never change it.</summary>
    public const int Id = 4711;

    public static readonly MessagePackSerializerOptions Options = MessagePackSerializerOptions.Standard
        .WithResolver(StandardResolver.Instance)
        .WithSecurity(MessagePackSecurity.UntrustedData);

    public ProtocolSerializer(ExtendedActorSystem system) : base(system) { }

    public override int Identifier => Id;

    public override string Manifest(object o) => Manifests.Of(o.GetType());

    public override byte[] ToBinary(object obj) => MessagePackSerializer.Serialize(obj.GetType(), obj, Options);

    /// <inheritdoc cref="Decode"/>
    public override object FromBinary(byte[] bytes, string manifest) => Decode(bytes, manifest);

    /// <summary>The message that <paramref name="bytes"/> hold under <paramref name="manifest"/>; never null.</summary>
    /// <exception cref="ArgumentException">The manifest is not one of <see cref="Manifests"/>.</exception>
    /// <exception cref="MessagePackSerializationException">
    /// The bytes are not a message of that manifest (truncated, wrong types, too deep, nil); the only
    /// exception any byte sequence raises under a known manifest.
    /// </exception>
    public static object Decode(byte[] bytes, string manifest) =>
        MessagePackSerializer.Deserialize(Manifests.TypeOf(manifest), bytes, Options)
        ?? throw new MessagePackSerializationException($"manifest '{manifest}' deserialized to null");
}
