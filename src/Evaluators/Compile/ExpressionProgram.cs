using Search.Genomes.Expressions;

namespace Evaluators.Compile;

/// <summary>
/// An expression flattened once into instructions in evaluation order, with equal subtrees shared
/// (the DAG the genome text describes). Forward passes run the list instead of walking the tree.
/// </summary>
public sealed class ExpressionProgram
{
    /// <summary>One node: its expression and the instruction indices of its operands.</summary>
    public sealed record Instruction(Expr Node, int[] Operands);

    public ExpressionProgram(Expr root)
    {
        var index = new Dictionary<Expr, int>();
        var list = new List<Instruction>();
        Output = Visit(root);
        Instructions = list;
        Learnables = list.Select(i => i.Node).OfType<LearnableExpr>().ToList();

        int Visit(Expr e)
        {
            if (index.TryGetValue(e, out int known)) return known;
            var operands = e.Children.Select(Visit).ToArray();
            list.Add(new Instruction(e, operands));
            return index[e] = list.Count - 1;
        }
    }

    public IReadOnlyList<Instruction> Instructions { get; }
    public int Output { get; }

    /// <summary>Distinct learnables, in first-use order.</summary>
    public IReadOnlyList<LearnableExpr> Learnables { get; }
}
