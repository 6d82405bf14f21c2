using System.Text.Json;

namespace Cluster.Tests.Support;

/// <summary>Deep equality of protocol values (records with arrays and dictionaries) via their JSON form.</summary>
public static class Equality
{
    public static string Json(object o) => JsonSerializer.Serialize(o, o.GetType());
}
