namespace Evaluators.Export;

/// <summary>
/// How a generated PyTorch module reads each learnable. The parameter keeps the genome's name (so
/// state_dict keys match) unless that name is an nn.Module attribute or starts with an underscore,
/// in which case it gets a fresh suffixed name; Python keywords are read with getattr.
/// </summary>
public static class PythonNames
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    };

    // Attributes a parameter must not shadow (register_parameter refuses them).
    private static readonly HashSet<string> ModuleAttributes = new(StringComparer.Ordinal)
    {
        "training", "forward", "train", "eval", "to", "cpu", "cuda", "float", "double", "half", "bfloat16", "type",
        "apply", "parameters", "named_parameters", "buffers", "named_buffers", "children", "named_children", "modules",
        "named_modules", "state_dict", "load_state_dict", "register_parameter", "register_buffer", "register_module",
        "add_module", "get_parameter", "get_buffer", "get_submodule", "zero_grad", "requires_grad_", "share_memory",
        "extra_repr", "dump_patches", "call_super_init", "compile", "ipu", "xpu", "mtia", "to_empty",
        "GENOME", // the generated class attribute holding the genome text
    };

    /// <summary>Parameter name for each learnable, in order.</summary>
    public static IReadOnlyDictionary<string, string> ParameterNames(IEnumerable<string> learnables)
    {
        var names = learnables.ToArray();
        var used = new HashSet<string>(names, StringComparer.Ordinal);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!name.StartsWith('_') && !ModuleAttributes.Contains(name)) { map[name] = name; continue; }
            string candidate = "p" + name;
            for (int i = 2; !used.Add(candidate); i++) candidate = $"p{name}{i}";
            map[name] = candidate;
        }
        return map;
    }

    /// <summary>The expression reading parameter <paramref name="parameterName"/> inside a method.</summary>
    public static string Read(string parameterName) =>
        Keywords.Contains(parameterName) ? $"getattr(self, {Literals.QuotedString(parameterName)})" : $"self.{parameterName}";
}
