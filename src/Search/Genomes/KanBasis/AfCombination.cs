namespace Search.Genomes.KanBasis;

/// <summary>
/// AF-KAN combination of the two features x1, x2: quad1 (x1 x2)^2, quad2 x1x2+x1^2+x2^2, sum, prod,
/// sum_prod, cubic1 (x1+x2)(x1^2+x2^2), cubic2 (x1 x2)^3.
/// </summary>
public enum AfCombination { Quad1, Quad2, Sum, Prod, SumProd, Cubic1, Cubic2 }
