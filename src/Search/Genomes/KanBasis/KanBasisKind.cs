namespace Search.Genomes.KanBasis;

/// <summary>The basis families a KAN edge function phi(x) can use (see REFERENCES.md "KAN bases").</summary>
public enum KanBasisKind { BSpline, Rbf, Chebyshev, Fourier, Rational, ReluKan, AfKan, Select }
