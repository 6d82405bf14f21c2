using MessagePack;

namespace Search.Engine;

[MessagePackObject]
public sealed record NamedCount([property: Key(0)] string Name, [property: Key(1)] long Count);
