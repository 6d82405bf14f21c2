using Evaluators.Slots;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Evaluators.Models;

/// <summary>
/// A GPT-style character language model whose feed-forward blocks are slots (a mixture-of-experts
/// layer fills them): token embedding (V, d) plus a learned position embedding (T, d), then
/// <see cref="Layers"/> pre-norm blocks <c>x + attn(ln1(x))</c>, <c>x + slot(ln2(x))</c> with
/// causal multi-head self-attention and a slot made for <c>SlotSite(d, d, block)</c> that maps
/// (B, T, d) to (B, T, d), then a final layer norm and a head Linear(d, V). Inputs are (B, T)
/// token ids stored as floats (cast to int64); the output is the logits (B*T, V), position-major
/// within each sample, matching targets (B, T) flattened. No dropout. The defaults are nanoGPT's
/// CPU configuration: 4 layers, 4 heads, width 128 (context 64 comes from the data).
/// The template's own weights start as in GPT-2 (normal, std 0.02; zero biases); slot modules
/// keep their own initialisation.
/// </summary>
public sealed class CharTransformer : IModelTemplate
{
    public CharTransformer(int layers = 4, int heads = 4, int width = 128)
    {
        Layers = layers > 0 ? layers : throw new ArgumentOutOfRangeException(nameof(layers), layers, "must be positive");
        Heads = heads > 0 ? heads : throw new ArgumentOutOfRangeException(nameof(heads), heads, "must be positive");
        Width = width > 0 ? width : throw new ArgumentOutOfRangeException(nameof(width), width, "must be positive");
        if (width % heads != 0)
            throw new ArgumentException($"width {width} is not a multiple of the {heads} heads", nameof(width));
    }

    public int Layers { get; }
    public int Heads { get; }
    public int Width { get; }

    public string Name => $"char-transformer-{Layers}x{Heads}x{Width}";
    public SlotKind Slots => SlotKind.FeedForward;

    /// <param name="sampleShape">[T]: the context length.</param>
    /// <param name="outputs">The vocabulary size V.</param>
    public nn.Module<Tensor, Tensor> Build(int[] sampleShape, int outputs, ISlotFactory slot)
    {
        if (sampleShape.Length != 1 || sampleShape[0] <= 0)
            throw new ArgumentException($"samples must be token sequences [T]; got [{string.Join(",", sampleShape)}]", nameof(sampleShape));
        if (outputs <= 0) throw new ArgumentOutOfRangeException(nameof(outputs), outputs, "the vocabulary must not be empty");
        return new Model(sampleShape[0], outputs, Layers, Heads, Width, slot);
    }

    private static void InitLinear(Linear linear)
    {
        using var noGrad = no_grad();
        nn.init.normal_(linear.weight, 0, 0.02);
        if (linear.bias is { } bias) nn.init.zeros_(bias);
    }

    private sealed class Model : nn.Module<Tensor, Tensor>
    {
        private readonly Embedding tokens;
        private readonly Embedding positions;
        private readonly ModuleList<Block> blocks;
        private readonly LayerNorm norm;
        private readonly Linear head;
        private readonly int context;

        public Model(int context, int vocabulary, int layers, int heads, int width, ISlotFactory slot) : base("char_transformer")
        {
            this.context = context;
            tokens = nn.Embedding(vocabulary, width);
            positions = nn.Embedding(context, width);
            blocks = nn.ModuleList([.. Enumerable.Range(0, layers).Select(i => new Block(width, heads, slot.Create(new SlotSite(width, width, i))))]);
            norm = nn.LayerNorm(width);
            head = nn.Linear(width, vocabulary);
            using (no_grad())
            {
                nn.init.normal_(tokens.weight!, 0, 0.02);
                nn.init.normal_(positions.weight!, 0, 0.02);
            }
            InitLinear(head);
            RegisterComponents();
        }

        public override Tensor forward(Tensor input)
        {
            using var scope = NewDisposeScope();
            if (input.dim() != 2 || input.shape[1] > context)
                throw new ArgumentException($"expected (B, T) token ids with T <= {context}; got ({string.Join(", ", input.shape)})", nameof(input));
            long t = input.shape[1];
            var ids = input.to_type(ScalarType.Int64);
            var x = tokens.forward(ids) + positions.forward(arange(t, dtype: ScalarType.Int64, device: input.device));
            foreach (var block in blocks) x = block.forward(x);
            var logits = head.forward(norm.forward(x));
            return logits.reshape(-1, logits.shape[2]).MoveToOuterDisposeScope();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) { tokens.Dispose(); positions.Dispose(); blocks.Dispose(); norm.Dispose(); head.Dispose(); }
            base.Dispose(disposing);
        }
    }

    /// <summary>x + attn(ln1(x)), then x + slot(ln2(x)).</summary>
    private sealed class Block : nn.Module<Tensor, Tensor>
    {
        private readonly LayerNorm ln1;
        private readonly CausalSelfAttention attn;
        private readonly LayerNorm ln2;
        private readonly nn.Module<Tensor, Tensor> slot;

        public Block(int width, int heads, nn.Module<Tensor, Tensor> slot) : base("block")
        {
            ln1 = nn.LayerNorm(width);
            attn = new CausalSelfAttention(width, heads);
            ln2 = nn.LayerNorm(width);
            this.slot = slot;
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            x = x + attn.forward(ln1.forward(x));
            return x + slot.forward(ln2.forward(x));
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) { ln1.Dispose(); attn.Dispose(); ln2.Dispose(); slot.Dispose(); }
            base.Dispose(disposing);
        }
    }

    /// <summary>Multi-head self-attention where position t sees positions up to t only.</summary>
    private sealed class CausalSelfAttention : nn.Module<Tensor, Tensor>
    {
        private readonly Linear qkv;
        private readonly Linear proj;
        private readonly int heads;

        public CausalSelfAttention(int width, int heads) : base("causal_self_attention")
        {
            this.heads = heads;
            qkv = nn.Linear(width, 3 * width);
            proj = nn.Linear(width, width);
            InitLinear(qkv);
            InitLinear(proj);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            long b = x.shape[0], t = x.shape[1], d = x.shape[2];
            // (B, T, 3d) -> (3, B, heads, T, d/heads)
            var parts = qkv.forward(x).view(b, t, 3, heads, d / heads).permute(2, 0, 3, 1, 4);
            var y = nn.functional.scaled_dot_product_attention(parts[0], parts[1], parts[2], is_casual: true); // TorchSharp spells is_causal so
            return proj.forward(y.transpose(1, 2).reshape(b, t, d));
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) { qkv.Dispose(); proj.Dispose(); }
            base.Dispose(disposing);
        }
    }
}
