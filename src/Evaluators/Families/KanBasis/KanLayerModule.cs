using Evaluators.Slots;
using Search.Genomes.KanBasis;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Evaluators.Families.KanBasis;

/// <summary>
/// One KAN layer (N, in) -> (N, out) compiled from a layer of a kan-basis genome:
/// y = silu(x) base_weight^T [+ base_bias] + sum over basis groups g of einsum("nic,oic->no", F_g, W_g).
/// Input nodes are grouped by their basis (the layer's or an override), in order of their first node;
/// group g's tensors carry the suffix _g (select candidate c: _g_c). Conventions in this folder's README.md.
/// </summary>
public sealed class KanLayerModule : nn.Module<Tensor, Tensor>, IKanParameters, ISampleAdaptive
{
    private bool _adaptNext;
    private readonly List<KanBasisGroup> _groups = [];
    private readonly bool _hasBias;

    public KanLayerModule(KanLayer layer, int inFeatures, int outFeatures) : base("kan_layer")
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (inFeatures < 1) throw new ArgumentException($"inFeatures = {inFeatures}: expected at least 1", nameof(inFeatures));
        if (outFeatures < 1) throw new ArgumentException($"outFeatures = {outFeatures}: expected at least 1", nameof(outFeatures));
        foreach (var o in layer.Overrides)
            if (o.Node < 0 || o.Node >= inFeatures)
                throw new ArgumentException($"override of node {o.Node} ('{o.Text}'): the layer has input nodes 0..{inFeatures - 1}", nameof(layer));
        Layer = layer;
        InFeatures = inFeatures;
        OutFeatures = outFeatures;

        using var scope = NewDisposeScope();
        double bound = 1.0 / Math.Sqrt(inFeatures); // nn.Linear's Kaiming-uniform bound
        Add("base_weight", empty(outFeatures, inFeatures).uniform_(-bound, bound));
        var byBasis = Enumerable.Range(0, inFeatures).GroupBy(i => layer.BasisOf(i).Text).ToList(); // first-node order
        _hasBias = byBasis.Any(g => KanFeatureFactory.UsesRbf(layer.BasisOf(g.First())));
        if (_hasBias) Add("base_bias", empty(outFeatures).uniform_(-bound, bound));
        foreach (var nodes in byBasis)
        {
            var basis = layer.BasisOf(nodes.First());
            int index = _groups.Count;
            var nodeArray = nodes.ToArray();
            var features = KanFeatureFactory.Create(basis, nodeArray.Length, $"_{index}", this);
            string weight = $"{KanFeatureFactory.WeightName(basis)}_{index}";
            Add(weight, features.InitialWeight(outFeatures, nodeArray.Length, inFeatures));
            string? scaler = null;
            if (basis is BSplineBasis)
            {
                // efficient-kan's standalone scaler: one learnable gain per edge on the spline branch.
                scaler = $"spline_scaler_{index}";
                Add(scaler, empty(outFeatures, nodeArray.Length).uniform_(-bound, bound));
            }
            (string, string)? domain = null;
            if (basis is BSplineBasis)
            {
                domain = ($"grid_low_{index}", $"grid_high_{index}");
                AddBuffer(domain.Value.Item1, full(nodeArray.Length, -1.0));
                AddBuffer(domain.Value.Item2, ones(nodeArray.Length));
            }
            _groups.Add(new KanBasisGroup(index, basis, nodeArray, features, weight, scaler) { DomainNames = domain });
        }
    }

    /// <summary>The layer as now computed: the genome's layer, with refined grids after <see cref="RefineGrid"/>.</summary>
    public KanLayer Layer { get; private set; }

    /// <summary>
    /// A grid update widens each node's sample range by this fraction on both sides, so points just
    /// outside the samples (a test set's corners) still fall on the grid instead of the clamp.
    /// </summary>
    public const double DomainMargin = 0.02;

    public int InFeatures { get; }
    public int OutFeatures { get; }
    public IReadOnlyList<KanBasisGroup> Groups => _groups;

    public override Tensor forward(Tensor x)
    {
        if (x.dim() != 2 || x.shape[1] != InFeatures)
            throw new ArgumentException($"a KAN layer takes (N, {InFeatures}) tensors, got [{string.Join(",", x.shape)}]");
        if (_adaptNext)
        {
            _adaptNext = false;
            UpdateGrid(x); // nothing to move in a layer without bspline groups
        }
        using var scope = NewDisposeScope();
        long n = x.shape[0];
        // The base branch sees x unclamped; only grid bases clamp inside their features.
        var y = nn.functional.linear(nn.functional.silu(x), Get("base_weight"), _hasBias ? Get("base_bias") : null);
        foreach (var g in _groups)
        {
            var xg = g.Nodes.Count == InFeatures ? x : x.index_select(1, tensor(g.Nodes.Select(i => (long)i).ToArray(), device: x.device));
            if (g.DomainNames is var (low, high)) xg = ToUnitDomain(xg, Buffer(low), Buffer(high));
            var f = g.Features.Compute(xg); // (N, n_g, C)
            var w = Get(g.WeightName); // (out, n_g, C)
            if (g.ScalerName is not null) w = w.mul(Get(g.ScalerName).unsqueeze(-1));
            // einsum("nic,oic->no") as one matmul over the flattened (node, feature) axis, added to y in the same op.
            y = y.addmm(f.reshape(n, -1), w.reshape(OutFeatures, -1).t());
        }
        return y.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// pykan's grid update from samples: moves each bspline node's grid domain to the range its inputs
    /// take in <paramref name="input"/> (N, in) (the layer's input, e.g. a hidden layer's activations),
    /// widened by <see cref="DomainMargin"/>,
    /// and refits the coefficients by a per-node ridge least-squares solve on those samples, so the
    /// layer's output on them barely moves while the whole grid resolution goes where the data is.
    /// Nodes whose samples span less than 1e-6 keep their domain. Coefficients change in place (same shapes).
    /// </summary>
    public void UpdateGrid(Tensor input)
    {
        if (input.dim() != 2 || input.shape[1] != InFeatures)
            throw new ArgumentException($"UpdateGrid takes (N, {InFeatures}) samples, got [{string.Join(",", input.shape)}]");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var g in _groups)
        {
            if (g.DomainNames is not var (lowName, highName)) continue;
            var x = input.detach().index_select(1, tensor(g.Nodes.Select(i => (long)i).ToArray(), device: input.device)).to(float64);
            Tensor low = Buffer(lowName), high = Buffer(highName);
            var (newLow, newHigh) = (x.amin(0), x.amax(0));
            var margin = newHigh.sub(newLow).mul(DomainMargin);
            (newLow, newHigh) = (newLow.sub(margin), newHigh.add(margin));
            var keep = newHigh.sub(newLow).lt(1e-6);
            newLow = where(keep, low.to(float64), newLow);
            newHigh = where(keep, high.to(float64), newHigh);
            var old = g.Features.Compute(ToUnitDomain(x, low.to(float64), high.to(float64))).permute(1, 0, 2); // (n, N, C)
            var fresh = g.Features.Compute(ToUnitDomain(x, newLow, newHigh)).permute(1, 0, 2);
            var map = GridRefit.PerNode(fresh, old); // (n, C, C): new coefficients = map @ old coefficients
            var w = Get(g.WeightName);
            // In place: the shape is unchanged, so an optimizer built on this parameter keeps working.
            w.copy_(einsum("icd,oid->oic", map, w.to(float64)).to(w.dtype));
            low.copy_(newLow);
            high.copy_(newHigh);
        }
    }

    /// <summary>The next forward first updates the grid from its input (<see cref="UpdateGrid"/>).</summary>
    public void AdaptOnNextForward() => _adaptNext = true;

    /// <summary>Maps each node's [low, high] onto the grid's [-1, 1].</summary>
    private static Tensor ToUnitDomain(Tensor x, Tensor low, Tensor high) => x.sub(low).div(high.sub(low)).mul(2.0).sub(1.0);

    /// <summary>
    /// Refits every bspline group (and bspline select candidate) to <paramref name="newGrid"/> intervals:
    /// W' = W M^T with M the ridge least-squares map of <see cref="BSplineRefit"/>, so the layer's output
    /// on [-1, 1] barely moves. Replaces those coefficient tensors: build the optimizer afterwards.
    /// </summary>
    public void RefineGrid(int newGrid)
    {
        if (newGrid < 1) throw new ArgumentOutOfRangeException(nameof(newGrid), newGrid, "a grid has at least 1 interval");
        if (!_groups.Any(g => g.Basis is BSplineBasis || (g.Features is SelectFeatures s && s.Candidates.Any(c => c is BSplineFeatures))))
            throw new InvalidOperationException($"RefineGrid needs a bspline basis; layer '{Layer.Text}' has none");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var g in _groups)
        {
            if (g.Features is BSplineFeatures b)
            {
                Replace(g.WeightName, Refit(Get(g.WeightName), b, newGrid));
                g.Features = new BSplineFeatures(newGrid, b.Order);
                g.Basis = Refined(g.Basis, newGrid);
            }
            else if (g.Features is SelectFeatures s && s.Candidates.Any(c => c is BSplineFeatures))
            {
                RefineSelect(g, s, newGrid);
            }
        }
        Layer = RebuildLayer(Refined(Layer.Basis, newGrid));
    }

    private void RefineSelect(KanBasisGroup g, SelectFeatures s, int newGrid)
    {
        var w = Get(g.WeightName);
        var slices = new List<Tensor>();
        var candidates = new List<IKanFeatures>();
        long offset = 0;
        foreach (var c in s.Candidates)
        {
            var slice = w.narrow(-1, offset, c.Count);
            offset += c.Count;
            if (c is BSplineFeatures b)
            {
                slices.Add(Refit(slice, b, newGrid));
                candidates.Add(new BSplineFeatures(newGrid, b.Order));
            }
            else
            {
                slices.Add(slice);
                candidates.Add(c);
            }
        }
        Replace(g.WeightName, cat(slices, -1));
        s.Candidates = candidates;
        g.Basis = Refined(g.Basis, newGrid);
    }

    private static Basis Refined(Basis basis, int newGrid) => basis switch
    {
        BSplineBasis b => b with { Grid = newGrid },
        SelectBasis s => SelectBasis.Create(s.Candidates.Select(c => Refined(c, newGrid))),
        _ => basis,
    };

    private static Tensor Refit(Tensor w, BSplineFeatures old, int newGrid)
    {
        var m = BSplineRefit.Matrix(old.Grid, newGrid, old.Order).to(w.device);
        return w.to(float64).matmul(m.t()).to(w.dtype);
    }

    /// <summary>The layer text after refinement; canonicalisation drops overrides that now equal the layer basis.</summary>
    private KanLayer RebuildLayer(Basis main)
    {
        var basisOf = new Basis[InFeatures];
        foreach (var g in _groups)
            foreach (int i in g.Nodes) basisOf[i] = g.Basis;
        return KanLayer.Create(main, Enumerable.Range(0, InFeatures)
            .Where(i => basisOf[i].Text != main.Text).Select(i => new KanNodeOverride(i, basisOf[i])));
    }

    private void Replace(string name, Tensor value)
    {
        var old = Get(name);
        var fresh = new Parameter(value.detach().clone().DetachFromDisposeScope());
        fresh.DetachFromDisposeScope();
        _internal_params[name] = fresh;
        old.Dispose();
    }

    private void Add(string name, Tensor initial)
    {
        var p = new Parameter(initial.DetachFromDisposeScope());
        p.DetachFromDisposeScope();
        register_parameter(name, p);
    }

    private void AddBuffer(string name, Tensor initial) => register_buffer(name, initial.DetachFromDisposeScope());

    private Tensor Buffer(string name) => get_buffer(name) ?? throw new InvalidOperationException($"KAN layer has no buffer '{name}'");

    private Tensor Get(string name) => get_parameter(name) ?? throw new InvalidOperationException($"KAN layer has no parameter '{name}'");

    void IKanParameters.Add(string name, Tensor initial) => Add(name, initial);

    Tensor IKanParameters.this[string name] => Get(name);
}
