using Search.Core;
using Search.Genomes.Text;

namespace Search.Genomes.Routing;

/// <summary>
/// Parser of routing text: space-separated key=value pairs in any order (grammar in README.md).
/// Checks run in a fixed order: syntax, gate, keys the gate takes, then each value in canonical key
/// order (a missing required key fails at the end of the text), schedule order last. Each error names
/// the position of the offending token.
/// </summary>
public sealed class RoutingParser
{
    private sealed record Pair(string Key, int KeyAt, int ValueAt, string? Word, double? Number);

    private readonly RoutingSpace _space;
    private readonly TextScanner _s;
    private readonly Dictionary<string, Pair> _pairs = new(StringComparer.Ordinal);

    private RoutingParser(RoutingSpace space, string text) => (_space, _s) = (space, new TextScanner(text));

    /// <summary>Parses and canonicalises.</summary>
    /// <exception cref="GenomeParseException">
    /// Text that is not a policy of <paramref name="space"/>, naming the position: the only exception any text raises.
    /// </exception>
    public static RoutingGenome Parse(RoutingSpace space, string text) => new RoutingParser(space, text).ParseGenome();

    private RoutingGenome ParseGenome()
    {
        ReadPairs();
        var gate = ReadGate();
        var keys = RoutingNames.KeysOf(gate);
        foreach (var p in _pairs.Values.OrderBy(p => p.KeyAt))
            if (!keys.Contains(p.Key))
                throw _s.Error(p.KeyAt, $"a key that gate '{RoutingNames.Gates[gate]}' takes ('{p.Key}' does not; it takes {string.Join(", ", keys)})");

        int experts = Int(RoutingNames.Experts, _space.Experts, "")!.Value;
        int? k = keys.Contains(RoutingNames.K) ? Int(RoutingNames.K, _space.KFor(experts), $", at most experts={experts}") : null;
        double? topP = keys.Contains(RoutingNames.P) ? Real(RoutingNames.P, _space.TopP) : null;
        double? tau = keys.Contains(RoutingNames.Tau) ? Real(RoutingNames.Tau, _space.Temperature) : null;
        TemperatureSchedule? schedule = keys.Contains(RoutingNames.Schedule) ? ReadSchedule() : null;
        GateActivation? act = keys.Contains(RoutingNames.Act)
            ? Word(RoutingNames.Act, RoutingNames.Activations, _space.Activations) : null;
        double? lb = keys.Contains(RoutingNames.LoadBalance) ? Real(RoutingNames.LoadBalance, _space.LoadBalance) : null;
        double capacity = Real(RoutingNames.Capacity, _space.Capacity)!.Value;
        double zloss = Real(RoutingNames.ZLoss, _space.ZLoss, optional: 0)!.Value;
        double? bias = keys.Contains(RoutingNames.Bias) ? Real(RoutingNames.Bias, _space.BiasRate, optional: 0) : null;
        return RoutingGenome.Create(gate, experts, k, tau, schedule, act, lb, capacity, zloss, bias, topP);
    }

    private void ReadPairs()
    {
        string known = string.Join(", ", RoutingNames.AllKeys);
        while (!_s.AtEnd)
        {
            int keyAt = _s.Position;
            string key = _s.ReadIdentifier();
            if (key.Length == 0) throw _s.Error(keyAt, $"a key ({known})");
            if (!RoutingNames.AllKeys.Contains(key)) throw _s.Error(keyAt, $"a known key (unknown key '{key}'; known: {known})");
            if (_pairs.ContainsKey(key)) throw _s.Error(keyAt, $"each key once ('{key}' is repeated)");
            _s.Expect('=', $"'=' after '{key}'");
            _s.SkipSpace();
            int valueAt = _s.Position;
            bool isWord = key is RoutingNames.Gate or RoutingNames.Schedule or RoutingNames.Act;
            string? word = isWord ? _s.ReadIdentifier() : null;
            double? number = isWord ? null : _s.TryReadNumber();
            if (isWord && word!.Length == 0) throw _s.Error(valueAt, $"a name for '{key}'");
            if (!isWord && number is null) throw _s.Error(valueAt, $"number for '{key}'");
            if (_s.Position < _s.Text.Length && !char.IsWhiteSpace(_s.Text[_s.Position]))
                throw _s.Error("a space or end of text after the value");
            _pairs[key] = new Pair(key, keyAt, valueAt, word, number);
        }
    }

    private GateType ReadGate()
    {
        string allowed = RoutingNames.Gates.List(_space.Gates);
        if (!_pairs.TryGetValue(RoutingNames.Gate, out var p))
            throw _s.Error(_s.Text.Length, $"key 'gate' (required; one of {allowed})");
        if (!RoutingNames.Gates.TryParse(p.Word!, out var gate) || !_space.Gates.Contains(gate))
            throw _s.Error(p.ValueAt, $"one of {allowed} for 'gate'");
        return gate;
    }

    private TemperatureSchedule ReadSchedule()
    {
        double start = Real(RoutingNames.TauStart, _space.Temperature)!.Value;
        double end = Real(RoutingNames.TauEnd, _space.Temperature)!.Value;
        var kind = Word(RoutingNames.Schedule, RoutingNames.Schedules, _space.Schedules);
        int steps = Int(RoutingNames.Steps, _space.Steps, "")!.Value;
        if (end > start) throw _s.Error(_pairs[RoutingNames.TauEnd].ValueAt, $"tau_end <= tau_start ({CanonicalNumber.Format(start)})");
        return new TemperatureSchedule(start, end, kind, steps);
    }

    private int? Int(string key, IntRange range, string note)
    {
        var p = Required(key);
        double v = p.Number!.Value;
        if (v != Math.Floor(v) || !range.Contains((int)Math.Clamp(v, int.MinValue, int.MaxValue)))
            throw _s.Error(p.ValueAt, $"integer for '{key}' ({range}{note})");
        return (int)v;
    }

    private double? Real(string key, RealRange range, double? optional = null)
    {
        if (optional is { } dflt && !_pairs.ContainsKey(key))
        {
            if (!range.Contains(dflt)) throw _s.Error(_s.Text.Length, $"key '{key}' (its default {CanonicalNumber.Format(dflt)} is outside {range})");
            return dflt;
        }
        var p = Required(key);
        if (!range.Contains(p.Number!.Value)) throw _s.Error(p.ValueAt, $"number for '{key}' ({range})");
        return p.Number;
    }

    private T Word<T>(string key, SnakeCaseNames<T> names, IReadOnlyList<T> allowed) where T : struct, Enum
    {
        var p = Required(key);
        if (!names.TryParse(p.Word!, out var v) || !allowed.Contains(v))
            throw _s.Error(p.ValueAt, $"one of {names.List(allowed)} for '{key}'");
        return v;
    }

    private Pair Required(string key) => _pairs.TryGetValue(key, out var p)
        ? p
        : throw _s.Error(_s.Text.Length, $"key '{key}' (required for gate '{_pairs[RoutingNames.Gate].Word}')");
}
