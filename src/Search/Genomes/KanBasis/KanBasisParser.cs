using Search.Core;
using Search.Genomes.KanBasis.Schema;
using Search.Genomes.Text;

namespace Search.Genomes.KanBasis;

/// <summary>
/// Recursive-descent parser of kan-basis text (grammar in README.md). Checks everything against the
/// space while parsing, so each error names the position of the offending token.
/// </summary>
public sealed class KanBasisParser
{
    private readonly KanSpace _space;
    private readonly TextScanner _s;

    private KanBasisParser(KanSpace space, string text) => (_space, _s) = (space, new TextScanner(text));

    /// <summary>Parses and canonicalises.</summary>
    /// <exception cref="GenomeParseException">
    /// Text that is not a genome of <paramref name="space"/>, naming the position: the only exception any text raises.
    /// </exception>
    public static KanBasisGenome Parse(KanSpace space, string text) => new KanBasisParser(space, text).ParseGenome();

    private KanBasisGenome ParseGenome()
    {
        var layers = new List<KanLayer> { ParseLayer(0) };
        while (true)
        {
            _s.SkipSpace();
            int bar = _s.Position;
            if (!_s.TryConsume('|')) break;
            if (layers.Count == _space.Layers)
                throw _s.Error(bar, $"end of text after {_space.Layers} layer(s) (the space has {_space.Layers})");
            layers.Add(ParseLayer(layers.Count));
        }
        if (!_s.AtEnd) throw _s.Error(layers.Count < _space.Layers ? "'|' and the next layer" : "'|' or end of text");
        if (layers.Count < _space.Layers)
            throw _s.Error($"'|' and {_space.Layers - layers.Count} more layer(s) (the space has {_space.Layers})");
        return KanBasisGenome.Create(layers);
    }

    private KanLayer ParseLayer(int layer)
    {
        var basis = ParseBasis(inSelect: false);
        if (_s.Peek() != '{') return KanLayer.Create(basis);
        int open = _s.Position;
        if (!_space.PerNode) throw _s.Error(open, "'|' or end of text (per-node overrides are off in this space)");
        _s.Position++;
        var overrides = new List<KanNodeOverride>();
        do
        {
            _s.SkipSpace();
            int at = _s.Position;
            double? node = _s.TryReadNumber();
            int width = _space.Widths[layer];
            if (node is not { } n || n != Math.Floor(n) || n < 0 || n >= width)
                throw _s.Error(at, $"node index for layer {layer} (0..{width - 1})");
            if (overrides.Any(o => o.Node == (int)n)) throw _s.Error(at, $"each node once (node {(int)n} is repeated)");
            _s.Expect(':', "':' after the node index");
            overrides.Add(new KanNodeOverride((int)n, ParseBasis(inSelect: false)));
        } while (_s.TryConsume(','));
        _s.Expect('}', "',' or '}'");
        var result = KanLayer.Create(basis, overrides);
        if (result.Overrides.Count > _space.MaxOverrides)
            throw _s.Error(open, $"at most {_space.MaxOverrides} overridden nodes per layer (found {result.Overrides.Count})");
        return result;
    }

    private Basis ParseBasis(bool inSelect)
    {
        _s.SkipSpace();
        int start = _s.Position;
        string name = _s.ReadIdentifier();
        string known = BasisSchemas.KindNames.List(Enum.GetValues<KanBasisKind>());
        if (name.Length == 0) throw _s.Error(start, $"a basis name ({known})");
        if (!BasisSchemas.KindNames.TryParse(name, out var kind))
            throw _s.Error(start, $"a known basis (unknown basis '{name}'; known: {known})");
        if (kind == KanBasisKind.Select && inSelect)
            throw _s.Error(start, "a plain basis (select cannot be a candidate of select)");
        if (!_space.Allowed.Contains(kind))
            throw _s.Error(start, $"an allowed basis ('{name}' is not allowed here; allowed: {BasisSchemas.KindNames.List(_space.Allowed)})");
        _s.Expect('(', $"'(' after '{name}'");
        return kind == KanBasisKind.Select ? ParseSelect(start) : ParsePlain(BasisSchemas.For(kind));
    }

    private Basis ParseSelect(int start)
    {
        var candidates = new List<Basis>();
        do candidates.Add(ParseBasis(inSelect: true)); while (_s.TryConsume(','));
        if (_s.Peek() != ')') throw _s.Error("',' or ')'");
        if (candidates.Count < 2) throw _s.Error("',' and a second candidate (select needs at least 2)");
        _s.Position++;
        var select = SelectBasis.Create(candidates);
        int distinct = select is SelectBasis s ? s.Candidates.Count : 1;
        if (distinct > _space.MaxSelectCandidates)
            throw _s.Error(start, $"at most {_space.MaxSelectCandidates} distinct candidates in select (found {distinct})");
        return select;
    }

    private Basis ParsePlain(BasisSchema schema)
    {
        var values = new double?[schema.Params.Count];
        string keys = string.Join(", ", schema.Params.Select(p => p.Key));
        if (!_s.TryConsume(')'))
        {
            do
            {
                _s.SkipSpace();
                int at = _s.Position;
                string key = _s.ReadIdentifier();
                if (key.Length == 0) throw _s.Error(at, $"a parameter name for '{schema.Name}' ({keys})");
                int index = schema.Params.ToList().FindIndex(p => p.Key == key);
                if (index < 0) throw _s.Error(at, $"a known parameter (unknown parameter '{key}' for '{schema.Name}'; known: {keys})");
                if (values[index] is not null) throw _s.Error(at, $"each parameter once ('{key}' is repeated)");
                _s.Expect('=', $"'=' after '{key}'");
                values[index] = ParseValue(schema.Params[index]);
            } while (_s.TryConsume(','));
            _s.Expect(')', "',' or ')'");
        }
        var full = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            var p = schema.Params[i];
            full[i] = values[i] ?? p.Default;
            if (values[i] is null && !p.Admits(_space, p.Default))
                throw _s.Error(_s.Position - 1, $"a value for '{p.Key}' (its default {p.Format(p.Default)} is outside this space: {p.Describe(_space)})");
        }
        return schema.Build(full);
    }

    private double ParseValue(ParamSpec p)
    {
        _s.SkipSpace();
        int at = _s.Position;
        if (p.Type == ParamType.Choice)
        {
            string word = _s.ReadIdentifier();
            int ordinal = p.ChoiceNames!.ToList().IndexOf(word);
            if (ordinal < 0 || !p.Admits(_space, ordinal)) throw _s.Error(at, p.Describe(_space));
            return ordinal;
        }
        double? v = _s.TryReadNumber();
        if (v is not { } x || !p.Admits(_space, x)) throw _s.Error(at, p.Describe(_space));
        return x;
    }
}
