namespace Search.Genomes.KanBasis;

/// <summary>ReLU-KAN: R_i(x) = [relu(e_i - x) relu(x - s_i)]^2 * 16/(e_i - s_i)^4, i = 0..G+k-1.</summary>
public sealed record ReluKanBasis(int Grid = 5, int Order = 3) : Basis
{
    public override KanBasisKind Kind => KanBasisKind.ReluKan;
}
