using Evaluators.Data;
using Evaluators.Data.Fetch;
using Evaluators.Data.Text;
using Xunit.Abstractions;

namespace Evaluators.Tests.CharLm;

/// <summary>
/// A fact that needs the real fortunes text: it finds it (system directory or cache) or fetches it
/// once per test run with the default source, within two minutes, and is skipped with the reason
/// when that fails (no package lists, no network).
/// </summary>
public sealed class FortunesFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Failure = new(() =>
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try { FortunesSource.CreateDefault().Locate(cancel: limit.Token); return null; }
        catch (DatasetException e) { return e.Message; }
        catch (OperationCanceledException) { return "fetching the fortunes packages took longer than two minutes"; }
    });

    public FortunesFactAttribute()
    {
        if (Failure.Value is { } why) Skip = $"the fortunes text is absent and cannot be fetched: {why}";
    }
}

public class CharLmRealCorpusTests(ITestOutputHelper output)
{
    [FortunesFact]
    public void CharLm_real_corpus_is_at_least_a_million_characters_of_the_fixed_character_set()
    {
        var corpus = FortunesSource.CreateDefault().Load();
        output.WriteLine($"{corpus.Text.Length} characters, vocabulary {corpus.Vocabulary.Count}: " +
                         string.Concat(corpus.Vocabulary.Select(c => c == '\n' ? "\\n" : c.ToString())));
        Assert.True(corpus.Text.Length >= 1_000_000, $"{corpus.Text.Length} characters");
        Assert.InRange(corpus.Vocabulary.Count, 60, 96);
        Assert.All(corpus.Text, c => Assert.True(FortunesCorpus.InCharacterSet(c)));

        var splits = CharWindows.Split(corpus);
        output.WriteLine($"windows: train {splits.Train.Count}, validation {splits.Validation!.Count}, test {splits.Test.Count}");
        Assert.Equal(corpus.Vocabulary.Count, splits.NumClasses);
        Assert.InRange(splits.Validation.Count, splits.Test.Count - 1, splits.Test.Count + 1);
        Assert.InRange(splits.Train.Count / (double)(splits.Train.Count + 2 * splits.Test.Count), 0.89, 0.91);
    }
}
