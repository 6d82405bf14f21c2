namespace Cluster.Protocol;

/// <summary>
/// Marker of every message and persisted event of the search protocol. The MessagePack serializer
/// (<see cref="Serialization.ProtocolSerializer"/>) is bound to this interface, so nothing here falls
/// back to Akka's JSON serializer, and every type has a stable manifest in <see cref="Serialization.Manifests"/>.
/// </summary>
public interface IClusterMessage;
