using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cluster.Tests.Support;

/// <summary>Deep equality of protocol values (records with arrays and dictionaries) via their JSON form.</summary>
public static class Equality
{
    private static readonly JsonSerializerOptions Options = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static string Json(object o) => JsonSerializer.Serialize(o, o.GetType(), Options);
}
