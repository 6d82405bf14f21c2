using Search.Genomes.Expressions;
using static TorchSharp.torch;

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

    /// <summary>
    /// One forward pass: leaves, constants and elementwise ops are the same for every family;
    /// <paramref name="aggregate"/> (instruction index, op, operand) computes aggregate ops, which only
    /// norm-act layers have.
    /// </summary>
    public Value Run(Tensor x, Func<string, Tensor> learnable, Func<int, UnaryOp, Value, Value>? aggregate = null)
    {
        var values = new Value[Instructions.Count];
        for (int i = 0; i < values.Length; i++)
        {
            var ins = Instructions[i];
            values[i] = ins.Node switch
            {
                VarExpr => Value.Of(x),
                ConstExpr c => Value.Of(c.Value),
                LearnableExpr l => Value.Of(learnable(l.Name)),
                UnaryExpr { Op: var op } when op.IsAggregate() => aggregate is null
                    ? throw new NotSupportedException($"aggregate {op} outside a norm-act layer")
                    : aggregate(i, op, values[ins.Operands[0]]),
                UnaryExpr u => ElementwiseOps.Apply(u.Op, values[ins.Operands[0]]),
                BinaryExpr b => ElementwiseOps.Apply(b.Op, values[ins.Operands[0]], values[ins.Operands[1]]),
                _ => throw new NotSupportedException($"node {ins.Node.GetType().Name}"),
            };
        }
        return values[Output];
    }
}
