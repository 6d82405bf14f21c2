namespace Search.Genomes.Routing;

/// <summary>
/// Mixture-of-experts gate (text forms in this folder's README.md): softmax top-k, noisy top-k (Shazeer
/// 2017), dense-to-sparse (temperature annealed from dense to sparse), linear -> activation -> softmax,
/// expert choice (each expert takes its top n*c/e tokens) and top-p (each token takes its most probable
/// experts until their probabilities reach p; Huang et al. 2024).
/// </summary>
public enum GateType { SoftmaxTopK, NoisyTopK, DenseToSparse, ActSoftmax, ExpertChoice, TopP }
