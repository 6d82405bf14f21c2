using Search.Core;
using Search.Genomes.Activation;
using Search.Genomes.Expressions;

namespace Search.Tests.Genomes.Activation;

public class ActivationSpaceTests
{
    [Fact]
    public void Free_mode_uses_only_the_allowed_primitives()
    {
        var space = new ActivationSpace { Unary = [UnaryOp.Tanh, UnaryOp.Square], Binary = [BinaryOp.Add, BinaryOp.Mul] };
        var family = new ActivationFamily(space);
        var rng = new Rng(4);
        for (int i = 0; i < 500; i++)
        {
            var g = family.Random(rng);
            g = family.Crossover(family.Mutate(g, rng), family.Random(rng), rng);
            foreach (var node in ExprMetrics.DistinctNodes(g.Root))
            {
                if (node is UnaryExpr u) Assert.Contains(u.Op, space.Unary);
                if (node is BinaryExpr b) Assert.Contains(b.Op, space.Binary);
            }
        }
    }

    [Fact]
    public void Correction_mode_keeps_base_plus_e_times_g()
    {
        var family = new ActivationFamily(new ActivationSpace { Mode = ActivationMode.Correction });
        var crrelu = family.Parse("relu(x) + @e(0.01) * x * exp(-(x^2) / 2)");
        Assert.True(family.IsWithinLimits(crrelu));
        Assert.False(family.IsWithinLimits(family.Parse("relu(x)")));
        Assert.False(family.IsWithinLimits(family.Parse("relu(x) + @e(0.01) * @e(0.01)")));
        Assert.False(family.IsWithinLimits(family.Parse("sin(x) + @e(0.01) * x")));
        var rng = new Rng(8);
        var bases = new[] { "relu(x) + ", "gelu(x) + ", "silu(x) + ", "tanh(x) + " };
        for (int i = 0; i < 300; i++)
        {
            var child = family.Mutate(crrelu, rng);
            Assert.True(family.IsWithinLimits(child), child.Text);
            Assert.Contains(bases, b => child.Text.StartsWith(b, StringComparison.Ordinal));
            Assert.Contains("@e(", child.Text);
        }
    }

    [Fact]
    public void Core_unit_genomes_are_built_from_units_over_x()
    {
        var family = new ActivationFamily(new ActivationSpace { Mode = ActivationMode.CoreUnit, MaxUnits = 1 });
        var rng = new Rng(2);
        int withTwoInputs = 0;
        for (int i = 0; i < 300; i++)
        {
            var g = family.Random(rng);
            // One unit b(u1(x), u2(x)): each template uses its input once, so x appears once or twice.
            int xs = ExprPaths.All(g.Root).Count(p => ExprPaths.Get(g.Root, p) is VarExpr);
            Assert.InRange(xs, 1, 2);
            if (xs == 2) withTwoInputs++;
        }
        Assert.True(withTwoInputs > 150, $"{withTwoInputs} of 300 units kept both inputs");
    }

    [Fact]
    public void Mode_names_and_bad_settings()
    {
        Assert.Equal(ActivationMode.CoreUnit, ActivationModes.Parse("core-unit"));
        Assert.Equal("correction", ActivationMode.Correction.Name());
        Assert.Throws<ArgumentException>(() => ActivationModes.Parse("swish"));
        Assert.Throws<ArgumentException>(() => new ActivationFamily(new ActivationSpace { MaxNodes = 3 }));
        Assert.Throws<ArgumentException>(() => new ActivationFamily(new ActivationSpace { Unary = [UnaryOp.BatchStd] }));
        Assert.Throws<ArgumentException>(() => new ActivationFamily(new ActivationSpace { CorrectionBases = [] }));
        Assert.Equal("activation", new ActivationFamily().Name);
    }
}
