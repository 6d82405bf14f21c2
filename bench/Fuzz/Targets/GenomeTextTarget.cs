using System.Text;
using Search.Core;

namespace Bench.Fuzz.Targets;

/// <summary>
/// A genome family's text parser. Valid inputs are the family's random genomes in canonical text.
/// Bad text may raise only <see cref="GenomeParseException"/> (a FormatException naming the
/// position); accepted text must be a fixed point: its canonical text parses back to itself.
/// </summary>
public abstract class GenomeTextTarget<TGenome>(IGenomeFamily<TGenome> family, string name, IEnumerable<string> tokens)
    : IFuzzTarget where TGenome : IGenome
{
    public string Name => name;

    public IReadOnlyList<byte[]> Tokens { get; } = [.. tokens.Select(Encoding.UTF8.GetBytes)];

    public byte[] Valid(Rng rng)
    {
        var genome = family.Random(rng);
        // Mutants and crossovers reach shapes a fresh random genome rarely has.
        if (rng.Chance(0.5)) genome = family.Mutate(genome, rng);
        if (rng.Chance(0.3)) genome = family.Crossover(genome, family.Random(rng), rng);
        return Encoding.UTF8.GetBytes(genome.Text);
    }

    public void Run(byte[] input)
    {
        var genome = family.Parse(Encoding.UTF8.GetString(input));
        string again = family.Parse(genome.Text).Text;
        if (again != genome.Text)
            throw new FuzzPropertyException($"canonical text \"{genome.Text}\" parses back as \"{again}\"");
    }

    public bool IsDocumented(Exception e) => e is GenomeParseException;
}
