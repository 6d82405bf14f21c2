using Search.Core;

namespace Search.Tests.Engine.TestDoubles;

/// <summary>Family of <see cref="DigitGenome"/>: random lists of 1..4 digits; mutation changes, inserts or deletes one digit.</summary>
public sealed class DigitFamily(string name = "digits") : IGenomeFamily<DigitGenome>
{
    public string Name => name;
    public bool SupportsCrossover => true;

    public DigitGenome Parse(string text)
    {
        var parts = text.Split(' ');
        var digits = new int[parts.Length];
        int pos = 0;
        for (int i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length != 1 || !char.IsAsciiDigit(parts[i][0])) throw new GenomeParseException(text, pos, "a digit");
            digits[i] = parts[i][0] - '0';
            pos += parts[i].Length + 1;
        }
        return new DigitGenome(digits);
    }

    public DigitGenome Random(Rng rng)
    {
        var digits = new int[rng.NextInt(1, 5)];
        for (int i = 0; i < digits.Length; i++) digits[i] = rng.NextInt(10);
        return new DigitGenome(digits);
    }

    public DigitGenome Mutate(DigitGenome parent, Rng rng)
    {
        var d = parent.Digits.ToList();
        int op = rng.NextInt(3);
        if (op == 0 || (op == 2 && d.Count == 1)) d[rng.NextInt(d.Count)] = rng.NextInt(10);
        else if (op == 1) d.Insert(rng.NextInt(d.Count + 1), rng.NextInt(10));
        else d.RemoveAt(rng.NextInt(d.Count));
        return new DigitGenome(d);
    }

    public DigitGenome Crossover(DigitGenome a, DigitGenome b, Rng rng)
    {
        int cut = rng.NextInt(1, a.Digits.Count + 1);
        return new DigitGenome(a.Digits.Take(cut).Concat(b.Digits.Skip(Math.Min(cut, b.Digits.Count))).ToArray());
    }
}
