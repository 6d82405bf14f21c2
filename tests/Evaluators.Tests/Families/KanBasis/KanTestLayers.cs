using Search.Genomes.KanBasis;

namespace Evaluators.Tests.Families.KanBasis;

/// <summary>One layer per basis kind (and a select, and overrides), by name, for theories.</summary>
public static class KanTestLayers
{
    public static readonly IReadOnlyDictionary<string, KanLayer> ByName = new Dictionary<string, KanLayer>
    {
        ["bspline"] = KanLayer.Create(new BSplineBasis(5, 3)),
        ["bspline_order1"] = KanLayer.Create(new BSplineBasis(4, 1)),
        ["rbf"] = KanLayer.Create(new RbfBasis(8, 1, 2)),
        ["chebyshev"] = KanLayer.Create(new ChebyshevBasis(4)),
        ["fourier"] = KanLayer.Create(new FourierBasis(5)),
        ["rational"] = KanLayer.Create(new RationalBasis(5, 4, 8)),
        ["rational_2groups"] = KanLayer.Create(new RationalBasis(3, 2, 2)),
        ["relu_kan"] = KanLayer.Create(new ReluKanBasis(5, 3)),
        ["af_kan"] = KanLayer.Create(new AfKanBasis()),
        ["af_kan_elu_cubic1"] = KanLayer.Create(new AfKanBasis(AfActivation.Elu, AfCombination.Cubic1, 4, 2)),
        ["select"] = KanLayer.Create(SelectBasis.Create([new ChebyshevBasis(3), new RbfBasis(6, 1, 2)])),
        ["select_bspline"] = KanLayer.Create(SelectBasis.Create([new BSplineBasis(3, 3), new RationalBasis(3, 2, 2)])),
        ["override"] = KanLayer.Create(new BSplineBasis(5, 3), [new KanNodeOverride(2, new FourierBasis(3))]),
        ["overrides"] = KanLayer.Create(new ChebyshevBasis(4),
            [new KanNodeOverride(0, new RbfBasis()), new KanNodeOverride(3, new RationalBasis(3, 2, 2)), new KanNodeOverride(4, new RbfBasis())]),
    };

    public static TheoryData<string> Names => new(ByName.Keys);
}
