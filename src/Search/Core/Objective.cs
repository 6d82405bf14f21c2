using MessagePack;

namespace Search.Core;

public enum Direction { Minimize, Maximize }

/// <summary>One objective of a search, e.g. ("val_accuracy", Maximize) or ("params", Minimize).</summary>
[MessagePackObject]
public sealed record Objective([property: Key(0)] string Name, [property: Key(1)] Direction Direction)
{
    /// <summary>The value turned so that smaller is better; all selection code works on these.</summary>
    public double ToMinimized(double value) => Direction == Direction.Minimize ? value : -value;
}

/// <summary>The objectives of a search, in order; results carry values in the same order.</summary>
public sealed class ObjectiveSet
{
    public ObjectiveSet(IReadOnlyList<Objective> objectives)
    {
        if (objectives.Count == 0) throw new ArgumentException("a search needs at least one objective", nameof(objectives));
        Items = objectives;
    }

    public IReadOnlyList<Objective> Items { get; }
    public int Count => Items.Count;

    public static ObjectiveSet Minimize(params string[] names) => new(names.Select(n => new Objective(n, Direction.Minimize)).ToArray());

    /// <summary>Values turned to minimisation; a failed or rejected candidate (null values) gets +infinity everywhere.</summary>
    public double[] ToMinimized(IReadOnlyList<double>? values)
    {
        var m = new double[Count];
        for (int i = 0; i < Count; i++)
            m[i] = values is null || double.IsNaN(values[i]) ? double.PositiveInfinity : Items[i].ToMinimized(values[i]);
        return m;
    }
}
