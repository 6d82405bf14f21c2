using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Families.KanBasis;

/// <summary>
/// A trained KAN network in the run's learned values (the protocol's name -> double dictionary, so
/// the wire format stays as it is): <c>kan.values</c> (parameter values in the network),
/// <c>kan.&lt;site&gt;.in</c> and <c>kan.&lt;site&gt;.out</c> (its widths), and, when the network has at
/// most <see cref="MaxValues"/> parameter values, every value of its state as
/// <c>kan.&lt;site&gt;.&lt;tensor&gt;.&lt;flat index&gt;</c> (row-major): the parameters and, with them,
/// the buffers (B-spline grid domains <c>grid_low_g</c> / <c>grid_high_g</c>, two values a node), without
/// which coefficients fitted after a grid update would be read on the wrong domain. Each value costs
/// about 35 bytes in the journal and status, so big networks (fmnist-kan: 508k values) keep only their
/// widths and count; their domains alone would describe no network, so they are not kept either.
/// `search export` gets such a network back by training it again with the run's seed for it, reading
/// it whole (<c>CandidateEvaluatorOptions.CompleteLearned</c>).
/// </summary>
public static class KanLearned
{
    public const int MaxValues = 20_000;
    private const string Prefix = "kan.";
    private const string ValuesKey = Prefix + "values";

    /// <summary>
    /// The KAN layers of a trained model, in site order (the template registers them so); their tensors
    /// only when the network has at most <paramref name="maxValues"/> parameter values (runs keep the
    /// default cap; an export that retrains a big network reads it whole with <see cref="long.MaxValue"/>).
    /// </summary>
    public static Dictionary<string, double> Read(nn.Module<Tensor, Tensor> model, long maxValues = MaxValues)
    {
        var layers = model.modules().OfType<KanLayerModule>().ToArray();
        var learned = new Dictionary<string, double>(StringComparer.Ordinal);
        if (layers.Length == 0) return learned;
        long total = layers.Sum(l => l.parameters().Sum(p => p.numel()));
        learned[ValuesKey] = total;
        using var scope = NewDisposeScope();
        for (int site = 0; site < layers.Length; site++)
        {
            learned[Key(site, "in")] = layers[site].InFeatures;
            learned[Key(site, "out")] = layers[site].OutFeatures;
            if (total > maxValues) continue;
            var tensors = layers[site].named_parameters().Select(p => (p.name, (Tensor)p.parameter)).Concat(layers[site].named_buffers());
            foreach (var (name, t) in tensors)
            {
                var values = t.detach().cpu().to(float64).flatten().data<double>().ToArray();
                for (int i = 0; i < values.Length; i++) learned[Key(site, name, i.ToString(CultureInfo.InvariantCulture))] = values[i];
            }
        }
        return learned;
    }

    /// <summary>Reads what <see cref="Read"/> wrote; nothing (no widths) when the dictionary has no KAN keys.</summary>
    /// <exception cref="ArgumentException">A key that is not a KAN key, widths that do not chain, or a tensor with a gap.</exception>
    public static KanTrainedValues Parse(IReadOnlyDictionary<string, double>? learned)
    {
        if (learned is null || learned.Count == 0) return KanTrainedValues.None;
        var inputs = new SortedDictionary<int, int>();
        var outputs = new SortedDictionary<int, int>();
        var values = new Dictionary<string, SortedDictionary<int, double>>(StringComparer.Ordinal);
        long total = -1;
        foreach (var (key, value) in learned)
        {
            var parts = key.Split('.');
            if (key == ValuesKey) total = (long)value;
            else if (parts.Length == 3 && parts[0] == "kan" && Index(parts[1]) is { } site && parts[2] is "in" or "out")
                (parts[2] == "in" ? inputs : outputs)[site] = (int)value;
            else if (parts.Length == 4 && parts[0] == "kan" && Index(parts[1]) is { } s && parts[2].Length > 0 && Index(parts[3]) is { } i)
            {
                string name = $"{Export.KanNetworkPlan.SiteName(s)}.{parts[2]}";
                if (!values.TryGetValue(name, out var tensor)) values[name] = tensor = new SortedDictionary<int, double>();
                tensor[i] = value;
            }
            else throw new ArgumentException($"'{key}' is not a learned value of a KAN network (kan.values, kan.<site>.in|out, kan.<site>.<tensor>.<index>)");
        }
        int sites = inputs.Count;
        if (sites == 0 || total < 0 || !inputs.Keys.SequenceEqual(Enumerable.Range(0, sites)) || !outputs.Keys.SequenceEqual(inputs.Keys))
            throw new ArgumentException("KAN learned values need kan.values and kan.<site>.in / .out for sites 0, 1, ...");
        for (int s = 0; s + 1 < sites; s++)
            if (outputs[s] != inputs[s + 1])
                throw new ArgumentException($"KAN site {s} has {outputs[s]} outputs but site {s + 1} has {inputs[s + 1]} inputs");
        var widths = inputs.Values.Append(outputs[sites - 1]).ToArray();
        if (values.Count == 0) return new KanTrainedValues(widths, total, null);
        var tensors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var (name, tensor) in values)
        {
            if (tensor.Keys.Last() != tensor.Count - 1) throw new ArgumentException($"KAN learned values of '{name}' skip an index");
            tensors[name] = tensor.Values.Select(v => (float)v).ToArray();
        }
        return new KanTrainedValues(widths, total, tensors);
    }

    /// <summary>
    /// A KAN network's learned values with widths but no tensors: what a run keeps of a network above
    /// <see cref="MaxValues"/> (`search export` retrains such a network). False for other families' values.
    /// </summary>
    /// <exception cref="ArgumentException">KAN values that <see cref="Parse"/> rejects.</exception>
    public static bool LacksTensors(IReadOnlyDictionary<string, double>? learned) =>
        learned is not null && learned.ContainsKey(ValuesKey) && Parse(learned) is { Widths: not null, Tensors: null };

    private static string Key(int site, params string[] rest) =>
        Prefix + site.ToString(CultureInfo.InvariantCulture) + "." + string.Join(".", rest);

    private static int? Index(string s) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int i) ? i : null;
}

/// <summary>
/// What a run kept of a trained KAN: its widths (null: nothing kept), its parameter value count,
/// and its tensors, parameters and buffers, by state_dict name (flat, row-major float32; null when
/// the network was too big).
/// </summary>
public sealed record KanTrainedValues(IReadOnlyList<int>? Widths, long Values, IReadOnlyDictionary<string, float[]>? Tensors)
{
    public static KanTrainedValues None { get; } = new(null, 0, null);
}
