using Evaluators.Families.KanBasis;
using Evaluators.Runtime;
using Search.Genomes.KanBasis;

namespace Evaluators.Tests.Families.KanBasis;

/// <summary>With one centre the RBF width (in centre spacings) is 2r/0: the layer refuses it instead of computing constants.</summary>
public class KanRbfCentersTests
{
    public KanRbfCentersTests() => TorchRuntime.EnsureReady(1);

    public static TheoryData<string> Layers => new(["plain", "select", "override"]);

    [Theory]
    [MemberData(nameof(Layers))]
    public void A_layer_with_fewer_than_two_centres_is_refused(string kind)
    {
        var rbf = new RbfBasis(1);
        var layer = kind switch
        {
            "plain" => KanLayer.Create(rbf),
            "select" => KanLayer.Create(SelectBasis.Create([new FourierBasis(2), rbf])),
            _ => KanLayer.Create(new ChebyshevBasis(), [new KanNodeOverride(1, rbf)]),
        };
        var e = Assert.Throws<ArgumentException>(() => new KanLayerModule(layer, 3, 2));
        Assert.Contains("rbf centers=1: expected at least 2", e.Message);
    }
}
