using Evaluators.Export;
using Evaluators.Families.KanBasis;
using Evaluators.Runtime;
using Search.Genomes.KanBasis;
using static TorchSharp.torch;

namespace Evaluators.Tests.Export.Kan;

/// <summary>What a run keeps of a trained KAN: widths always, every parameter and buffer value up to the cap, read back exactly.</summary>
public class KanLearnedTests
{
    public KanLearnedTests() => TorchRuntime.EnsureReady(1);

    [Fact]
    public void Small_networks_keep_every_value_and_read_back_by_state_dict_name()
    {
        var c = KanNetworks.Named("deeper template");
        using var model = KanNetworks.Build(c);
        var learned = KanLearned.Read(model);
        var trained = KanLearned.Parse(learned);
        Assert.Equal(c.Widths, trained.Widths);
        var state = model.state_dict();
        Assert.Equal(model.parameters().Sum(p => p.numel()), trained.Values); // kan.values counts parameters, not buffers
        Assert.Contains("layer1.grid_low_0", state.Keys);
        Assert.Equal(state.Keys.Order(), trained.Tensors!.Keys.Order());
        foreach (var (name, value) in state)
            Assert.Equal(value.flatten().data<float>().ToArray(), trained.Tensors[name]);
        Assert.Equal(3.0, learned["kan.0.in"]);
        Assert.Equal(2.0, learned["kan.2.out"]);
    }

    [Fact]
    public void Moved_grid_domains_are_kept_with_the_coefficients()
    {
        var c = KanNetworks.Named("grid update");
        using var model = KanNetworks.Build(c);
        var learned = KanLearned.Read(model);
        foreach (var (name, buffer) in model.named_buffers())
        {
            var values = buffer.data<float>().ToArray();
            Assert.Equal(values.Length, values.Distinct().Count()); // every node has its own domain
            Assert.DoesNotContain(values, v => Math.Abs(v) == 1f);
            var site = name.Split('.');
            for (int i = 0; i < values.Length; i++)
                Assert.Equal((double)values[i], learned[$"kan.{site[0]["layer".Length..]}.{site[1]}.{i}"]);
        }
        Assert.Equal(["layer0.grid_low_0", "layer0.grid_high_0", "layer0.grid_low_3", "layer0.grid_high_3", "layer1.grid_low_0", "layer1.grid_high_0"],
            model.named_buffers().Select(b => b.name));
    }

    [Fact]
    public void Items_kept_before_buffers_were_recorded_get_the_initial_domains_and_partial_buffers_are_refused()
    {
        var c = KanNetworks.Named("bspline");
        using var model = KanNetworks.Build(c);
        var learned = KanLearned.Read(model);
        var old = learned.Where(kv => !kv.Key.Contains(".grid_", StringComparison.Ordinal)).ToDictionary();
        var tensors = KanExportLayer.Of(new ExportItem(c.Genome, "old", old), c.Genome, "Old").Trained.Tensors!;
        Assert.Equal(Enumerable.Repeat(-1f, 3), tensors["layer0.grid_low_0"]);
        Assert.Equal(Enumerable.Repeat(1f, 4), tensors["layer1.grid_high_0"]);
        var partial = learned.Where(kv => !kv.Key.StartsWith("kan.1.grid_high_0.", StringComparison.Ordinal)).ToDictionary();
        var e = Assert.Throws<ArgumentException>(() => KanExportLayer.Of(new ExportItem(c.Genome, "partial", partial), c.Genome, "Partial"));
        Assert.Contains("'layer1.grid_high_0' needs 4 learned values, has 0", e.Message);
    }

    [Fact]
    public void Networks_over_the_cap_keep_widths_and_count_only()
    {
        var genome = KanBasisGenome.Create([KanLayer.Create(new BSplineBasis(5, 3))]);
        using var model = KanNetworks.Build(genome, [784, 4, 10]);
        var learned = KanLearned.Read(model);
        Assert.Equal(5, learned.Count); // kan.values and two sites' in and out
        var trained = KanLearned.Parse(learned);
        Assert.Equal([784, 4, 10], trained.Widths);
        Assert.True(trained.Values > KanLearned.MaxValues);
        Assert.Null(trained.Tensors);
    }

    [Theory]
    [InlineData("e", "is not a learned value of a KAN network")]
    [InlineData("kan.0.base_weight.x", "is not a learned value of a KAN network")]
    [InlineData("kan.0.base_weight.7", "skip an index")]
    public void Foreign_or_broken_keys_are_refused(string key, string message)
    {
        var learned = new Dictionary<string, double> { ["kan.values"] = 2, ["kan.0.in"] = 1, ["kan.0.out"] = 1, ["kan.0.base_weight.0"] = 0.5, [key] = 1 };
        Assert.Contains(message, Assert.Throws<ArgumentException>(() => KanLearned.Parse(learned)).Message);
    }

    [Fact]
    public void Widths_must_chain()
    {
        var learned = new Dictionary<string, double> { ["kan.values"] = 2, ["kan.0.in"] = 1, ["kan.0.out"] = 2, ["kan.1.in"] = 3, ["kan.1.out"] = 1 };
        Assert.Contains("site 0 has 2 outputs but site 1 has 3 inputs", Assert.Throws<ArgumentException>(() => KanLearned.Parse(learned)).Message);
    }
}
