using Evaluators.Families;
using Cluster.Spaces.Families;
using Cluster.Spaces.Sections;
using Cluster.Spaces.Yaml;
using Search.Core;
using Search.Engine;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cluster.Spaces;

/// <summary>
/// Reads search-space files (schema: searchspaces/README.md). Any problem is a
/// <see cref="SearchSpaceException"/> naming file, line, column and what was expected, and
/// nothing is returned, so no run starts from a half-read space.
/// </summary>
public static class SearchSpaceFile
{
    public const string DefaultName = "activation-default";

    private static readonly string[] TopKeys =
        ["name", "seed", "family", "initial", "strategy", "objectives", "evaluation", "rejection", "budget", "lookahead", "baselines", "fidelity"];

    /// <param name="relativeTo">Folder that relative paths inside (evaluation.data) start from; default the file's own.</param>
    public static SearchSpace Load(string path, string? relativeTo = null) => Parse(File.ReadAllText(path), path, relativeTo);

    /// <summary>A space shipped in searchspaces/ and embedded in this assembly, by file name without ".yaml".</summary>
    public static SearchSpace LoadEmbedded(string name = DefaultName) => Parse(EmbeddedText(name), "embedded:" + name);

    /// <summary>The names of the embedded spaces.</summary>
    public static IReadOnlyList<string> EmbeddedNames =>
        typeof(SearchSpaceFile).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^".yaml".Length]).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The text of an embedded space, exactly as shipped.</summary>
    public static string EmbeddedText(string name)
    {
        using var stream = typeof(SearchSpaceFile).Assembly.GetManifestResourceStream($"{Prefix}{name}.yaml")
            ?? throw new ArgumentException($"no embedded search space '{name}'; known: {string.Join(", ", EmbeddedNames)}", nameof(name));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private const string Prefix = "searchspaces/";

    /// <summary>
    /// The family settings a job carries (<see cref="FamilySpace.Text"/>), read back on a worker with
    /// the same reader; the fingerprint must match the one the job was sent with.
    /// </summary>
    /// <exception cref="SearchSpaceException">The text is not a family section this version can read.</exception>
    public static FamilySpace ReadFamily(string text, string source) => FamilySection.Read(FamilyTop(text, source)).Space;

    /// <summary>A text holding only a "family" section, read whether or not the family can be evaluated.</summary>
    internal static LoadedFamily ReadFamilySettings(string text, string source) => FamilySection.ReadSettings(FamilyTop(text, source), out _);

    private static YamlSection FamilyTop(string text, string source)
    {
        var src = new SpaceSource(source, text);
        return YamlSection.Of(src, Root(src, text), "", [FamilySection.Key]);
    }

    /// <summary>
    /// Reads a space from text; <paramref name="source"/> names it in messages and in <see cref="SearchSpace.Source"/>,
    /// and its folder (or <paramref name="relativeTo"/>) is where relative paths inside start.
    /// </summary>
    /// <exception cref="SearchSpaceException">
    /// Any problem with the text, as source:line:column: the only exception any text raises (YAML
    /// nesting deeper than <see cref="GuardedParser.MaxDepth"/> and recursive aliases included).
    /// </exception>
    public static SearchSpace Parse(string text, string source, string? relativeTo = null)
    {
        var src = new SpaceSource(source, text, relativeTo);
        var top = YamlSection.Of(src, Root(src, text), "", TopKeys);

        var nameNode = YamlValues.Scalar(src, top.Required("name"), "name", "a name");
        string name = string.IsNullOrWhiteSpace(nameNode.Value) ? throw src.Error(nameNode, "'name' must not be blank") : nameNode.Value;
        ulong seed = (ulong)top.Long("seed", 0, 0, long.MaxValue);
        int lookahead = top.Int("lookahead", 4, 1, 100_000);
        var family = FamilySection.Read(top);
        var plan = EvaluationSection.Read(top);
        var (objectives, metrics) = ObjectivesSection.Read(top, plan.Tasks);
        plan = RejectionSection.Read(top, plan with { Objectives = metrics });
        var (strategyName, createStrategy) = StrategySection.Read(top, objectives.Count);
        var strategyFamily = InitialSection.Read(top, family);
        var baselines = Baselines(top, family);
        var (maxEvaluations, wallTime) = BudgetSection.Read(top);
        var fidelity = FidelitySection.Read(top, plan, objectives);

        ulong fingerprint = SpaceFingerprint.Of(src.Canonical);
        return new SearchSpace
        {
            Name = name,
            Source = source,
            Family = strategyFamily,
            FamilySpace = family.Space,
            CreateStrategy = createStrategy,
            StrategyName = strategyName,
            Objectives = objectives,
            Engine = new EngineSettings(seed, lookahead, maxEvaluations, fingerprint, fidelity?.Settings),
            Evaluation = plan,
            RungPlans = fidelity?.Plans ?? [],
            Baselines = baselines,
            Seed = seed,
            WallTime = wallTime,
            Fingerprint = fingerprint,
        };
    }

    private static YamlNode Root(SpaceSource src, string text)
    {
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(text));
        try
        {
            stream.Load(new GuardedParser(parser, src));
        }
        catch (YamlException e)
        {
            throw new SearchSpaceException(src.File, (int)e.Start.Line, (int)e.Start.Column, $"not valid YAML: {Inner(e).Message}");
        }
        catch (ArgumentException)
        {
            // YamlDotNet's node loader fails this way on an event it does not expect (seen after NUL characters).
            var at = parser.Current?.Start;
            throw new SearchSpaceException(src.File, (int)(at?.Line ?? 1), (int)(at?.Column ?? 1),
                $"not valid YAML: unexpected {parser.Current?.GetType().Name ?? "end of input"} here");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some unclosed flow collections; the last event read is the best place.
            var at = parser.Current?.End;
            throw new SearchSpaceException(src.File, (int)(at?.Line ?? 1), (int)(at?.Column ?? 1),
                "not valid YAML: the structure breaks off after here (an unclosed [ or { ?)");
        }
        if (stream.Documents.Count == 0) throw new SearchSpaceException(src.File, 1, 1, "the file is empty; expected a mapping with name, family, strategy, objectives and budget");
        if (stream.Documents.Count > 1) throw src.Error(stream.Documents[1].RootNode, "expected one YAML document, found more");
        return stream.Documents[0].RootNode;
    }

    private static Exception Inner(Exception e) => e.InnerException is YamlException inner ? Inner(inner) : e;

    /// <summary>Genome texts (canonicalised) or the family's built-in baselines by name (the kan-basis family's "mlp").</summary>
    private static IReadOnlyList<string> Baselines(YamlSection top, LoadedFamily family)
    {
        var texts = new List<string>();
        var builtins = family.Space.Family.BaselineBuiltins;
        foreach (var node in top.Scalars("baselines"))
        {
            var text = builtins.Contains(node.Value ?? "")
                ? node.Value!
                : GenomeTexts.Parse(top.Source, family.Family, node, builtins.Count > 0 ? $"baseline (a genome or one of {string.Join(", ", builtins)})" : "baseline").Text;
            if (!texts.Contains(text)) texts.Add(text);
        }
        top.Record("baselines", string.Join("\n", texts));
        return texts;
    }
}
