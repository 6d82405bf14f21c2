using Search.Core;
using Search.Genomes.Expressions;

namespace Search.Genomes.Activation;

/// <summary>
/// The mode-specific part of the activation operators. Results may be non-canonical; the family
/// canonicalises, checks limits and <see cref="Fits"/>, and retries.
/// </summary>
internal interface IActivationShape
{
    Expr Random(Rng rng);

    /// <summary>A variation of a parent that fits this shape, or null when this try does not apply.</summary>
    Expr? Mutate(Expr parent, Rng rng);

    Expr? Crossover(Expr a, Expr b, Rng rng);

    /// <summary>Whether a canonical tree has this mode's shape.</summary>
    bool Fits(Expr canonical);

    /// <summary>A small genome of this shape for when every random try failed.</summary>
    Expr Fallback { get; }
}
