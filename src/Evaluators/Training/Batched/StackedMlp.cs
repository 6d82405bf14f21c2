using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Evaluators.Training.Batched;

/// <summary>
/// K MLPs of one shape (built by <see cref="Models.Mlp"/>: flatten, Linear + slot per hidden layer,
/// linear head) as stacked weights: layer i holds W [K, in, out] and b [K, 1, out] and runs as one
/// batched product for all K; each candidate's own slot module (kept in its model) runs on its
/// slice. When every candidate sees the same batches (<c>sharedInput</c>), the first layer is one
/// product x @ [W_1 | ... | W_K] with W of shape [in, K * out]. The stacked tensors start as copies
/// of the models' weights and are written back by <see cref="WriteBack"/>; the models keep owning
/// their slot modules, whose parameters train in place. Owns only the stacked parameters.
/// </summary>
internal sealed class StackedMlp : IDisposable
{
    private readonly Parameter[] _weights;
    private readonly Parameter[] _biases;
    private readonly Linear[][] _linears; // [layer][candidate]
    private readonly nn.Module<Tensor, Tensor>[][] _slots; // [hidden layer][candidate]
    private readonly bool _sharedInput;

    public StackedMlp(IReadOnlyList<nn.Module<Tensor, Tensor>> models, bool sharedInput)
    {
        K = models.Count;
        _sharedInput = sharedInput;
        var children = models.Select(m => m.named_children().Select(c => c.module).ToArray()).ToArray();
        if (children.Any(c => c.Length != children[0].Length || c.Length < 4 || c[0] is not Flatten))
            throw new ArgumentException("stacked training needs MLPs of one shape (flatten, Linear + slot per hidden layer, head)");
        int layers = children[0].Length / 2; // flatten, then (fc, act) per hidden layer, then head
        _linears = new Linear[layers][];
        _slots = new nn.Module<Tensor, Tensor>[layers - 1][];
        for (int i = 0; i < layers; i++)
        {
            _linears[i] = children.Select(c => c[1 + 2 * i] as Linear
                ?? throw new ArgumentException($"stacked training: layer {1 + 2 * i} is not Linear")).ToArray();
            if (i < layers - 1) _slots[i] = children.Select(c => (nn.Module<Tensor, Tensor>)c[2 + 2 * i]).ToArray();
        }
        _weights = new Parameter[layers];
        _biases = new Parameter[layers];
        using var noGrad = no_grad();
        for (int i = 0; i < layers; i++)
        {
            var w = _linears[i].Select(l => l.weight!.t()).ToArray();
            var b = _linears[i].Select(l => l.bias!).ToArray();
            bool flat = i == 0 && sharedInput;
            _weights[i] = new Parameter(flat ? cat(w, 1) : stack(w), requires_grad: true);
            _biases[i] = new Parameter(flat ? cat(b, 0) : stack(b).unsqueeze(1), requires_grad: true);
        }
    }

    public int K { get; }

    /// <summary>The stacked weights and biases, then every slot module's own parameters.</summary>
    public IEnumerable<Parameter> Parameters() =>
        _weights.Concat(_biases).Concat(_slots.SelectMany(row => row.SelectMany(m => m.parameters())));

    /// <summary>The slot modules' parameters of candidate <paramref name="k"/>.</summary>
    public IEnumerable<Parameter> SlotParameters(int k) => _slots.SelectMany(row => row[k].parameters());

    /// <summary>
    /// Logits [K, B, outputs]. <paramref name="x"/> is [B, ...] (one batch for all, shared input) or
    /// [K, B, ...] (a batch per candidate).
    /// </summary>
    public Tensor Forward(Tensor x)
    {
        Tensor h;
        if (_sharedInput)
        {
            var flat = x.reshape(x.shape[0], -1);
            var wide = flat.mm(_weights[0]).add(_biases[0]); // [B, K * out]
            long width = _weights[0].shape[1] / K;
            // split (not K narrows): its backward is one concatenation, where each narrow's would fill a whole zero tensor.
            var parts = wide.split(width, 1);
            h = stack(Enumerable.Range(0, K).Select(k => _slots[0][k].forward(parts[k])).ToArray());
        }
        else
        {
            var flat = x.reshape(K, x.shape[1], -1);
            h = Activate(0, flat.bmm(_weights[0]).add(_biases[0]));
        }
        for (int i = 1; i < _weights.Length; i++)
        {
            var z = h.bmm(_weights[i]).add(_biases[i]);
            h = i < _slots.Length ? Activate(i, z) : z;
        }
        return h;
    }

    // unbind (not K selects): its backward is one stack, where each select's would fill a whole zero tensor.
    private Tensor Activate(int layer, Tensor z)
    {
        var parts = z.unbind(0);
        return stack(Enumerable.Range(0, K).Select(k => _slots[layer][k].forward(parts[k])).ToArray());
    }

    /// <summary>Copies candidate <paramref name="k"/>'s stacked weights into its model's Linear layers.</summary>
    public void WriteBack(int k)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        for (int i = 0; i < _weights.Length; i++)
        {
            var linear = _linears[i][k];
            long outputs = linear.weight!.shape[0];
            bool flat = i == 0 && _sharedInput;
            var w = flat ? _weights[i].narrow(1, k * outputs, outputs) : _weights[i][k];
            var b = flat ? _biases[i].narrow(0, k * outputs, outputs) : _biases[i][k].squeeze(0);
            linear.weight.copy_(w.t());
            linear.bias!.copy_(b);
        }
    }

    public void Dispose()
    {
        foreach (var p in _weights.Concat(_biases)) p.Dispose();
    }
}
