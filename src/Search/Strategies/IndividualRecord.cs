using MessagePack;
using Search.Core;

namespace Search.Strategies;

/// <summary>An individual as strategy state stores it: the genome by its canonical text, re-parsed on load.</summary>
[MessagePackObject]
public sealed class IndividualRecord
{
    [Key(0)] public long Id { get; set; }
    [Key(1)] public string Genome { get; set; } = "";
    [Key(2)] public EvaluationResult Result { get; set; } = EvaluationResult.Fail("");
    [Key(3)] public double[] Minimized { get; set; } = [];

    public static IndividualRecord From<TGenome>(Individual<TGenome> individual) where TGenome : IGenome => new()
    {
        Id = individual.Id,
        Genome = individual.Genome.Text,
        Result = individual.Result,
        Minimized = individual.Minimized,
    };

    public Individual<TGenome> ToIndividual<TGenome>(IGenomeFamily<TGenome> family) where TGenome : IGenome =>
        new(Id, family.Parse(Genome), Result, Minimized);

    public static IndividualRecord[] FromAll<TGenome>(IEnumerable<Individual<TGenome>> individuals) where TGenome : IGenome =>
        individuals.Select(From).ToArray();

    public static List<Individual<TGenome>> ToAll<TGenome>(IEnumerable<IndividualRecord> records, IGenomeFamily<TGenome> family)
        where TGenome : IGenome => records.Select(r => r.ToIndividual(family)).ToList();
}
