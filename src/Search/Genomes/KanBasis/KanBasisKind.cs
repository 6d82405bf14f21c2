namespace Search.Genomes.KanBasis;

/// <summary>The basis families a KAN edge function phi(x) can use; their text forms and parameters are in this folder's README.md.</summary>
public enum KanBasisKind { BSpline, Rbf, Chebyshev, Fourier, Rational, ReluKan, AfKan, Select }
