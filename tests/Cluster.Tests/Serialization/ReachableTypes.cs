using System.Reflection;
using MessagePack;

namespace Cluster.Tests.Serialization;

/// <summary>
/// Walks every type a message can contain (properties, array elements, collection and nullable
/// arguments) and lists what is not a keyed protocol type: each finding is one line.
/// </summary>
public static class ReachableTypes
{
    private static readonly HashSet<Type> Leaves = [typeof(string), typeof(decimal), typeof(byte[])];
    private static readonly HashSet<Type> Collections = [typeof(Dictionary<,>), typeof(List<>)];

    public static IReadOnlyList<string> Problems(IEnumerable<Type> roots, out IReadOnlySet<Type> objects)
    {
        var problems = new List<string>();
        var seen = new HashSet<Type>();
        var found = new HashSet<Type>();
        var todo = new Stack<(Type Type, string Path)>(roots.Select(t => (t, t.Name)));
        while (todo.TryPop(out var item))
        {
            var (t, path) = item;
            if (!seen.Add(t) || t.IsPrimitive || Leaves.Contains(t)) continue;
            if (Nullable.GetUnderlyingType(t) is { } inner) todo.Push((inner, path));
            else if (t.IsArray) todo.Push((t.GetElementType()!, path + "[]"));
            else if (t.IsGenericType && Collections.Contains(t.GetGenericTypeDefinition()))
                foreach (var a in t.GetGenericArguments()) todo.Push((a, $"{path}<{a.Name}>"));
            else if (!IsProtocol(t)) problems.Add($"{path}: {t.FullName} is not a type of Cluster.Protocol");
            else if (t.IsEnum) continue;
            else
            {
                found.Add(t);
                Keyed(t, path, problems, todo);
            }
        }
        objects = found;
        return problems;
    }

    private static bool IsProtocol(Type t) => t.Namespace is { } ns && (ns == "Cluster.Protocol" || ns.StartsWith("Cluster.Protocol.", StringComparison.Ordinal));

    private static void Keyed(Type t, string path, List<string> problems, Stack<(Type, string)> todo)
    {
        if (t.GetCustomAttribute<MessagePackObjectAttribute>() is not { KeyAsPropertyName: false })
        {
            problems.Add($"{path}: {t.Name} has no [MessagePackObject] with integer keys");
            return;
        }
        var keys = new HashSet<int>();
        foreach (var p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetCustomAttribute<IgnoreMemberAttribute>() is not null) continue;
            if (p.GetCustomAttribute<KeyAttribute>() is not { IntKey: { } key }) problems.Add($"{path}.{p.Name} has no integer [Key]");
            else if (!keys.Add(key)) problems.Add($"{path}.{p.Name} reuses key {key}");
            todo.Push((p.PropertyType, $"{path}.{p.Name}"));
        }
    }
}
