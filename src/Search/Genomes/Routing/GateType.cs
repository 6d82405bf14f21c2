namespace Search.Genomes.Routing;

/// <summary>
/// Mixture-of-experts gate (text forms in this folder's README.md): softmax top-k, noisy top-k (Shazeer
/// 2017), dense-to-sparse (temperature annealed from dense to sparse), linear -> activation -> softmax,
/// and expert choice (each expert takes its top n*c/e tokens).
/// </summary>
public enum GateType { SoftmaxTopK, NoisyTopK, DenseToSparse, ActSoftmax, ExpertChoice }
