namespace Search.Problems;

/// <summary>A box-bounded test problem with known optimal front (all objectives minimised).</summary>
public interface IProblem
{
    string Name { get; }
    int Variables { get; }
    int Objectives { get; }
    IReadOnlyList<double> Lower { get; }
    IReadOnlyList<double> Upper { get; }

    double[] Evaluate(IReadOnlyList<double> x);

    /// <summary>Points sampled on the true Pareto front, for IGD.</summary>
    IReadOnlyList<double[]> TrueFront { get; }

    /// <summary>Hypervolume of the whole (continuous) true front at <see cref="ReferencePoint"/>.</summary>
    double TrueHypervolume { get; }

    /// <summary>1.1 in every objective, the usual choice for these problems.</summary>
    IReadOnlyList<double> ReferencePoint { get; }
}
