using System.Text;

namespace Evaluators.Export;

/// <summary>Turns display names into class names valid in both C# and Python.</summary>
public static class Identifiers
{
    // Names the generated files already use (imports, base types, members of the generated classes,
    // which C# forbids as the class's own name), or Python keywords that survive PascalCase.
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "Tensor", "Module", "Parameter", "Math", "System", "TorchSharp", "F", "None", "True", "False",
        "Genome", "Momentum", "Eps", "Mean", "M2", "Var", "Group", "Batch",
        "KanBases", "Widths", "LoadTrained", "Flatten", "Array", "ArgumentException", // KAN exports: helper class, members, types used
        "Step", "Temperature", "AuxiliaryLoss", "LoadBalanceTerm", "ZLossTerm", "ExpertLoad", "DroppedRoutes", "DroppedTokens", // routing exports: members
    };

    /// <summary>
    /// PascalCase of the letter-and-digit runs of <paramref name="displayName"/> ("top-1 swish" ->
    /// "Top1Swish"); "Layer" is put before a leading digit and after a reserved name; empty gives "Layer".
    /// </summary>
    public static string ClassName(string displayName)
    {
        var sb = new StringBuilder();
        bool startOfRun = true;
        foreach (char c in displayName)
        {
            if (!char.IsAsciiLetterOrDigit(c)) { startOfRun = true; continue; }
            sb.Append(startOfRun ? char.ToUpperInvariant(c) : c);
            startOfRun = false;
        }
        string name = sb.ToString();
        if (name.Length == 0) return "Layer";
        if (char.IsAsciiDigit(name[0])) return "Layer" + name;
        return Reserved.Contains(name) ? name + "Layer" : name;
    }

    /// <summary><see cref="ClassName"/>, with _2, _3, ... appended until it is not in <paramref name="used"/>; marks it used.</summary>
    public static string UniqueClassName(string displayName, ISet<string> used)
    {
        string name = ClassName(displayName), candidate = name;
        for (int i = 2; !used.Add(candidate); i++) candidate = $"{name}_{i}";
        return candidate;
    }
}
